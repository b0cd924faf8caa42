"""The offices section: the overview map, office pages, structured data and the consent-gated street map."""

import json
from decimal import Decimal

from django.core.exceptions import ValidationError

from wagtail.test.utils.form_data import nested_form_data

from history.factories import PartnerPageFactory, TimelineEventPageFactory
from offices.factories import OfficePageFactory
from offices.models import OfficeIndexPage, OfficePage
from tests.content_base import ContentTestCase


def json_ld(html):
    return json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])


class OfficeTreeTests(ContentTestCase):
    def test_tree_render_edit_preview_create(self):
        self.assertAllowedSubpageTypes(OfficeIndexPage, {OfficePage})
        self.assertAllowedParentPageTypes(OfficePage, {OfficeIndexPage})
        office = OfficePageFactory(parent=self.office_index)
        data = nested_form_data(
            {"title": office.title, "slug": office.slug, "city": "Kampot", "reason_opened": "Because."}
        )
        self.assertPageIsRenderable(office)
        self.assertPageIsEditable(office, data)
        self.assertPageIsPreviewable(office, post_data=data)
        self.login_as_superuser()
        self.assertCanCreate(
            self.office_index,
            OfficePage,
            nested_form_data({"title": "Kep", "slug": "kep", "city": "Kep", "reason_opened": "R."}),
        )

    def test_latitude_needs_longitude(self):
        office = OfficePage(title="X", slug="x", city="X", reason_opened="R", latitude=Decimal("11.5"))
        with self.assertRaises(ValidationError):
            office.clean()


class OfficeIndexTests(ContentTestCase):
    def test_map_places_offices_with_text_labels_and_lists_them(self):
        OfficePageFactory(
            parent=self.office_index,
            title="Siem Reap",
            city="Siem Reap",
            year_opened=2007,
            reason_opened="Vulnerable children.",
            latitude=Decimal("13.3671"),
            longitude=Decimal("103.8448"),
        )
        OfficePageFactory(parent=self.office_index, title="Kampot", city="Kampot", reason_opened="No position yet.")
        html = self.client.get(self.office_index.url).content.decode()
        svg = html.split("<svg viewBox=")[1].split("</svg>")[0]
        self.assertIn('aria-labelledby="map-title"', svg)
        self.assertIn(">Siem Reap</text>", svg)
        self.assertNotIn("Kampot", svg)  # no coordinates: listed, not placed
        listing = html.split('id="office-list"')[1]
        self.assertIn("Opened in 2007", listing)
        self.assertIn("Vulnerable children.", listing)
        self.assertIn("Kampot", listing)
        self.assertNotIn("http", svg)  # drawn from local data, no map service

    def test_query_count_does_not_grow_with_offices(self):
        def add(count):
            for n in range(count):
                OfficePageFactory(
                    parent=self.office_index, latitude=Decimal("11.5") + n % 3, longitude=Decimal("104.9")
                )

        add(3)
        few = self.queries_for(self.office_index.url)
        add(27)
        self.assertEqual(few, self.queries_for(self.office_index.url))


class OfficePageTests(ContentTestCase):
    def test_structured_data_has_only_known_fields(self):
        office = OfficePageFactory(
            parent=self.office_index,
            title="Sihanoukville",
            city="Sihanoukville",
            province="Preah Sihanouk",
            latitude=Decimal("10.6093"),
            longitude=Decimal("103.5296"),
        )
        graph = json_ld(self.client.get(office.url).content.decode())["@graph"]
        data, organisation = graph
        self.assertEqual(data["@type"], "Place")
        self.assertEqual(data["url"], office.full_url)
        # The office belongs to APLE: the organisation, under the home page's @id, lists it as a location.
        self.assertEqual(organisation["location"], {"@id": data["@id"]})
        home_organisation = json_ld(self.client.get("/en/").content.decode())
        self.assertEqual(organisation["@id"], home_organisation["@id"])
        self.assertEqual(
            data["address"],
            {
                "@type": "PostalAddress",
                "addressLocality": "Sihanoukville",
                "addressCountry": "KH",
                "addressRegion": "Preah Sihanouk",
            },
        )
        self.assertEqual(data["geo"]["latitude"], 10.6093)
        for unknown in ("telephone", "openingHours", "email"):
            self.assertNotIn(unknown, data)
        self.assertNotIn("streetAddress", data["address"])

    def test_street_map_is_gated_behind_consent_with_a_plain_link(self):
        office = OfficePageFactory(
            parent=self.office_index, latitude=Decimal("13.3671"), longitude=Decimal("103.8448")
        )
        html = self.client.get(office.url).content.decode()
        gate = html.split('data-consent-group="external-media"')[1]
        template, outside = gate.split("</template>", 1)
        self.assertIn("<iframe", template)
        self.assertNotIn("<iframe", outside)
        self.assertIn('href="https://www.openstreetmap.org/?mlat=13.36710', outside)

    def test_missing_contact_details_are_not_shown(self):
        office = OfficePageFactory(parent=self.office_index)
        main = self.client.get(office.url).content.decode().split("<main")[1].split("</main>")[0]
        self.assertNotIn(">Contact</h2>", main)
        self.assertNotIn("None", main)

    def test_partners_and_events_show_on_the_office(self):
        partner = PartnerPageFactory(parent=self.partner_index, title="M’Lop Tapang")
        office = OfficePageFactory(parent=self.office_index, reason_opened="Travelling offenders.")
        partner.offices.set([office])  # the partner names the office
        partner.save_revision().publish()
        event = TimelineEventPageFactory(parent=self.history, title="Office opens", year=2005)
        event.offices.set([office])
        event.save_revision().publish()
        html = self.client.get(office.url).content.decode()
        self.assertIn("Travelling offenders.", html)
        self.assertIn(f'href="{partner.url}"', html)
        self.assertIn(f'href="{event.url}"', html)
        self.assertIn("2005", html)
