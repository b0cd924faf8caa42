from django.apps import AppConfig


class AplSiteConfig(AppConfig):
    name = "aple_site"
    verbose_name = "APLE site"

    def ready(self):
        from .caching import connect_signals

        connect_signals()
