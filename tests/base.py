"""Shared test set-up: root → HomePage → default Site, built once per class from the factories; the project's apps."""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils import translation

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from aple_site.factories import HomePageFactory
from aple_site.models import SiteSettings


def project_apps():
    """The installed apps whose package is a top-level folder of this repository: the core and the content apps."""
    return [app for app in apps.get_app_configs() if Path(app.path).parent == Path(settings.BASE_DIR)]


def clear_page_tree():
    """Remove every page below the root (and so the Sites pointing at them), in the current transaction.

    The worker's database holds the seed content (tests/fixtures.py); a test that builds its own small tree
    starts from an empty one. The seed comes back when the transaction is rolled back."""
    # Both languages go, so there is nothing to take down: marked not live first (an update sends no signal), the
    # deletion's take-down of each page's translations (aple_site/i18n/takedown.py) finds none live. 1.2 s
    # instead of 4.9 s, for each of the ~50 test classes that start from an empty tree.
    Page.objects.filter(depth__gte=2).update(live=False)
    Page.objects.filter(depth=2).delete()


class SiteTestCase(WagtailPageTestCase):
    """A test case with a home page from the factories serving as the default site's root, and no seed pages."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        clear_page_tree()
        cls.root = Page.get_first_root_node()
        cls.home = HomePageFactory(parent=cls.root)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": cls.home, "site_name": "APLE"},
        )

    def login_as_superuser(self):
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.create_superuser("super", "super@example.org", "not-a-real-password")
        self.client.force_login(user)
        return user


DONATE = "https://give.example.org/aple"  # a donate address for tests: the Donate button shows once one is set


def set_site_settings(**values):
    """Change the default site's Site settings, e.g. set_site_settings(donate_url=DONATE)."""
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in values.items():
        setattr(settings, name, value)
    settings.save()


def in_khmer(text, **values):
    """`text` as the Khmer catalogue translates it."""
    with translation.override("km"):
        return translation.gettext(text) % values if values else translation.gettext(text)
