"""Shared test set-up: root → HomePage → default Site, built once per test class."""

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from tests.factories import HomePageFactory


class SiteTestCase(WagtailPageTestCase):
    """A test case with a home page serving as the default site's root."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
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
