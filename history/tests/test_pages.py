"""The history section's page tree, its pages in the editor, and the links between events, partners, MoUs,
offices and programs."""

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from aple_site.factories import ImageFactory
from history.factories import MoUPageFactory, PartnerPageFactory, TimelineEventPageFactory
from history.models import HistoryIndexPage, MoUIndexPage, MoUPage, PartnerIndexPage, PartnerPage, TimelineEventPage
from offices.factories import OfficePageFactory
from programs.factories import ProgramPageFactory
from tests.content_base import ContentTestCase


class HistoryTreeTests(ContentTestCase):
    def test_allowed_parents_and_children(self):
        self.assertAllowedSubpageTypes(HistoryIndexPage, {TimelineEventPage})
        self.assertAllowedParentPageTypes(TimelineEventPage, {HistoryIndexPage})
        self.assertAllowedSubpageTypes(TimelineEventPage, set())
        self.assertAllowedSubpageTypes(PartnerIndexPage, {PartnerPage})
        self.assertAllowedParentPageTypes(PartnerPage, {PartnerIndexPage})
        self.assertAllowedSubpageTypes(MoUIndexPage, {MoUPage})
        self.assertAllowedParentPageTypes(MoUPage, {MoUIndexPage})

    def test_pages_render_edit_and_preview(self):
        partner = PartnerPageFactory(parent=self.partner_index)
        cases = [
            (
                TimelineEventPageFactory(parent=self.history),
                {
                    "year": 2005,
                    "date_precision": "year",
                    "category": "office",
                    "summary": "S.",
                    "body": streamfield([]),
                },
            ),
            (partner, {"kind": "ngo", "how_we_work": rich_text("<p>Together.</p>")}),
            (
                MoUPageFactory(parent=self.mou_index, counterpart=partner),
                {"counterpart": partner.pk, "purpose": "P.", "status": "active"},
            ),
            (self.partner_index, {"intro": "Hi."}),
            (self.mou_index, {"intro": "Hi."}),
        ]
        for page, fields in cases:
            with self.subTest(page=type(page).__name__):
                data = nested_form_data({"title": page.title, "slug": page.slug, **fields})
                self.assertPageIsRenderable(page)
                self.assertPageIsEditable(page, data)
                self.assertPageIsPreviewable(page, post_data=data)

    def test_editor_can_create_an_event(self):
        self.login_as_superuser()
        data = nested_form_data(
            {
                "title": "New office",
                "slug": "new-office",
                "year": 2007,
                "month": 3,
                "date_precision": "month",
                "category": "office",
                "summary": "An office opened.",
                "body": streamfield([]),
            }
        )
        self.assertCanCreate(self.history, TimelineEventPage, data)

    def test_editor_can_create_a_partner_naming_offices_and_programs_and_an_mou_with_it(self):
        self.login_as_superuser()
        office = OfficePageFactory(parent=self.office_index)
        program = ProgramPageFactory(parent=self.strategy)
        partner_data = nested_form_data(
            {
                "title": "M’Lop Tapang",
                "slug": "mlop-tapang",
                "kind": "ngo",
                "website": "",
                "how_we_work": rich_text("<p>Social support in Sihanoukville.</p>"),
            }
        )
        partner_data.update(offices=[office.pk], programs=[program.pk])  # ticked boxes, as the browser posts them
        self.assertCanCreate(self.partner_index, PartnerPage, partner_data)
        partner = PartnerPage.objects.get(slug="mlop-tapang")
        self.assertEqual((list(partner.offices.all()), list(partner.programs.all())), ([office], [program]))
        mou_data = nested_form_data(
            {
                "title": "MoU with M’Lop Tapang",
                "slug": "mou-mlop-tapang",
                "counterpart": partner.pk,
                "purpose": "Working together on cases.",
                "status": "active",
                "signed_year": 2006,
            }
        )
        self.assertCanCreate(self.mou_index, MoUPage, mou_data)


class RelationTests(ContentTestCase):
    def test_a_preview_shows_the_relations_being_edited_not_those_kept_for_the_live_page(self):
        kept, edited = (OfficePageFactory(parent=self.office_index, title=t) for t in ("Kept office", "New office"))
        partner = PartnerPageFactory(parent=self.partner_index)
        partner.offices.set([kept])
        partner.save_revision().publish()
        # (Twice: the first request creates the site's settings row, which bumps the content version.)
        self.client.get(partner.url)
        self.assertContains(self.client.get(partner.url), "Kept office")  # the live page's lists are now kept
        partner.offices.set([edited])  # in memory, as the edit form leaves it for the preview
        preview = partner.make_preview_request().render().content.decode()
        self.assertIn("New office", preview)
        self.assertNotIn("Kept office", preview)
        self.assertContains(self.client.get(partner.url), "Kept office")  # the live page is unchanged

    def test_links_show_on_both_sides(self):
        partner = PartnerPageFactory(parent=self.partner_index, title="M’Lop Tapang")
        office = OfficePageFactory(parent=self.office_index, title="Sihanoukville")
        mou = MoUPageFactory(parent=self.mou_index, title="MoU with MoSVY", counterpart=partner)
        program = ProgramPageFactory(parent=self.strategy, title="Court support")
        event = TimelineEventPageFactory(parent=self.history, title="Social support begins")
        event.offices.set([office])
        event.partners.set([partner])
        event.mous.set([mou])
        event.programs.set([program])
        event.save_revision().publish()
        event_html = self.client.get(event.url).content.decode()
        for page in (partner, office, mou, program):
            with self.subTest(page=page.title):
                self.assertIn(f'href="{page.url}"', event_html)
                self.assertIn(f'href="{event.url}"', self.client.get(page.url).content.decode())
        self.assertIn(f'href="{mou.url}"', self.client.get(partner.url).content.decode())

    def test_a_partner_names_its_offices_and_programs_and_they_list_it(self):
        partner = PartnerPageFactory(parent=self.partner_index, title="Law Enforcement Working Group")
        office = OfficePageFactory(parent=self.office_index, title="Phnom Penh")
        program = ProgramPageFactory(parent=self.strategy, title="Research and advocacy")
        partner.offices.set([office])
        partner.programs.set([program])
        partner.save_revision().publish()
        partner_html = self.client.get(partner.url).content.decode()
        for page, heading in ((office, "Partners we work with here"), (program, "With whom: our partners")):
            with self.subTest(page=page.title):
                self.assertIn(f'href="{page.url}"', partner_html)
                html = self.client.get(page.url).content.decode()
                self.assertIn(heading, html)
                self.assertIn(f'href="{partner.url}"', html)

    def test_unknown_partner_year_is_simply_left_out(self):
        partner = PartnerPageFactory(parent=self.partner_index, since_year=None)
        html = self.client.get(partner.url).content.decode()
        self.assertNotIn("Working together since", html)
        self.assertNotIn("None", html)

    def test_mou_without_signing_year_says_so(self):
        partner = PartnerPageFactory(parent=self.partner_index)
        mou = MoUPageFactory(parent=self.mou_index, counterpart=partner, signed_year=None)
        self.assertContains(self.client.get(mou.url), "Year not published")

    def test_listings_query_count_does_not_grow(self):
        def add(count):
            for _ in range(count):
                partner = PartnerPageFactory(parent=self.partner_index, logo=ImageFactory(description="Logo"))
                MoUPageFactory(parent=self.mou_index, counterpart=partner)

        add(3)
        few = (self.queries_for(self.partner_index.url), self.queries_for(self.mou_index.url))
        add(9)
        self.assertEqual(few, (self.queries_for(self.partner_index.url), self.queries_for(self.mou_index.url)))
