from django.apps import AppConfig


class RoutableConfig(AppConfig):
    name = "tests.routable"
    label = "routable_test"
    verbose_name = "Routable page (tests only)"
