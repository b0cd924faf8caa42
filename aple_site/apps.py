from django.apps import AppConfig


class AplSiteConfig(AppConfig):
    name = "aple_site"
    verbose_name = "APLE site"

    def ready(self):
        from .caching.version import connect_signals
        from .i18n.takedown import connect_signals as connect_takedown
        from .images.permissions import guard_live_images
        from .images.withdrawal import connect_signals as connect_image_withdrawal

        connect_signals()
        connect_takedown()  # before the image withdrawal: aple_site/i18n/takedown.py says why
        connect_image_withdrawal()
        guard_live_images()
