from django.apps import AppConfig


class HelpConfig(AppConfig):
    name = "help"
    verbose_name = "Get help"
