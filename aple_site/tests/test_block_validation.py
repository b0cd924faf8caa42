"""An editor's mistakes in the page body are messages on the form: never an error page, never a saved page."""

from wagtail.test.utils.form_data import nested_form_data, streamfield

from aple_site.blocks import is_embed_address
from aple_site.models import StandardPage
from tests.base import SiteTestCase


class BodyBlockValidationTests(SiteTestCase):
    def setUp(self):
        self.login_as_superuser()

    def add_page(self, block):
        data = nested_form_data(
            {"title": "Find us", "slug": "find-us", "intro": "Where we are.", "body": streamfield([block])}
        )
        return self.client.post(f"/admin/pages/add/aple_site/standardpage/{self.home.pk}/", data)

    def test_a_button_with_both_a_page_and_an_address_is_a_form_error(self):
        response = self.add_page(
            ("button", {"label": "Read more", "page": self.home.pk, "url": "https://example.org/"})
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Choose a page or enter an address, not both.")
        self.assertFalse(StandardPage.objects.filter(slug="find-us").exists())

    def test_external_media_from_another_host_is_a_form_error(self):
        for address in (
            "https://evil.example\\@www.openstreetmap.org/export/embed.html",
            "https://evil.example@www.openstreetmap.org/export/embed.html",
            "https://user:pw@www.openstreetmap.org/export/embed.html",
            "https://www.openstreetmap.org.evil.example/export/embed.html",
            "https://www.openstreetmap.org:8443/export/embed.html",
            "http://www.openstreetmap.org/export/embed.html",
        ):
            with self.subTest(address):
                response = self.add_page(("external_media", {"title": "Map", "embed_url": address, "link_url": ""}))
                self.assertEqual(response.status_code, 200)
                self.assertFalse(StandardPage.objects.filter(slug="find-us").exists())
                self.assertFalse(is_embed_address(address))

    def test_a_real_embed_address_is_accepted(self):
        address = "https://www.openstreetmap.org/export/embed.html?bbox=104.9,11.5,105.0,11.6"
        self.assertTrue(is_embed_address(address))
        response = self.add_page(("external_media", {"title": "Map", "embed_url": address, "link_url": ""}))
        self.assertEqual(response.status_code, 302)
        self.assertTrue(StandardPage.objects.filter(slug="find-us").exists())
