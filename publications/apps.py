from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = "Reports and publications"

    def ready(self):
        from . import signals

        signals.connect()
