"""The history section: timeline events, partners and MoUs."""

from django.core.exceptions import ValidationError

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from history.models import HistoryIndexPage, MoUIndexPage, MoUPage, PartnerIndexPage, PartnerPage, TimelineEventPage
from tests.content_base import ContentTestCase
from tests.factories import (
    ImageFactory,
    MoUPageFactory,
    OfficePageFactory,
    PartnerPageFactory,
    ProgramPageFactory,
    TimelineEventPageFactory,
)


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


class EventDateTests(ContentTestCase):
    def event(self, **kwargs):
        return TimelineEventPageFactory(parent=self.history, **kwargs)

    def test_dates_show_at_their_precision(self):
        self.assertEqual(self.event(year=2005).display_date, "2005")
        self.assertEqual(self.event(year=2005, month=3, date_precision="month").display_date, "March 2005")
        self.assertEqual(self.event(year=2005, month=3, day=14, date_precision="day").display_date, "14 March 2005")
        self.assertEqual(self.event(year=2005, month=3, day=14, date_precision="day").iso_date, "2005-03-14")
        html = self.client.get(self.history.url).content.decode()
        # On the timeline the year is said once, by its heading; a date says only what is more precise.
        self.assertNotIn('<time datetime="2005">2005</time>', html)
        self.assertIn('<h2 class="timeline__year-title">2005</h2>', html)
        self.assertEqual(html.count('<h2 class="timeline__year-title">2005</h2>'), 1)
        self.assertIn('<time datetime="2005-03">March 2005</time>', html)
        self.assertIn('<time datetime="2005-03-14">14 March 2005</time>', html)
        self.assertNotIn("1 January 2005", html)
        event_page = self.client.get(self.event(year=2006).url).content.decode()
        self.assertIn('<time datetime="2006">2006</time>', event_page)  # the event's own page says its year

    def test_validation_messages(self):
        cases = [
            ({"date_precision": "month"}, "month", "Choose the month"),
            ({"date_precision": "day", "month": 2}, "day", "Enter the day"),
            ({"date_precision": "day", "month": 2, "day": 30}, "day", "has no day 30"),
            ({"day": 3}, "month", "A day needs a month"),
        ]
        for fields, field, message in cases:
            with self.subTest(fields=fields):
                event = TimelineEventPage(title="E", slug="e", year=2005, category="office", summary="S", **fields)
                with self.assertRaises(ValidationError) as caught:
                    event.clean()
                self.assertIn(message, " ".join(caught.exception.message_dict[field]))

    def test_mou_end_year_cannot_precede_signing(self):
        partner = PartnerPageFactory(parent=self.partner_index)
        mou = MoUPage(title="M", slug="m", counterpart=partner, purpose="P", signed_year=2010, end_year=2008)
        with self.assertRaises(ValidationError) as caught:
            mou.clean()
        self.assertIn("cannot be before", caught.exception.message_dict["end_year"][0])


class TimelineTests(ContentTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # Created out of date order: the timeline must sort by date, not by tree position.
        cls.late = TimelineEventPageFactory(parent=cls.history, title="Siem Reap office", slug="siem-reap", year=2007)
        cls.early = TimelineEventPageFactory(
            parent=cls.history, title="Founded", slug="founded", year=2003, category="founding"
        )
        cls.march = TimelineEventPageFactory(
            parent=cls.history,
            title="Social support",
            slug="social",
            year=2005,
            month=3,
            date_precision="month",
            category="program",
        )
        cls.year_only = TimelineEventPageFactory(
            parent=cls.history, title="Sihanoukville office", slug="sihanoukville", year=2005
        )

    def html(self, query=""):
        response = self.client.get(self.history.url + query)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_events_are_in_date_order_and_grouped_by_year(self):
        html = self.html()
        positions = [
            html.index(f">{t}</a>") for t in ("Founded", "Sihanoukville office", "Social support", "Siem Reap office")
        ]
        self.assertEqual(positions, sorted(positions))
        self.assertEqual(html.count('class="timeline__year"'), 3)  # 2003, 2005 (two events), 2007
        jump = html.split('aria-label="Jump to a year"')[1].split("</nav>")[0]
        self.assertEqual(
            [y for y in ("2003", "2005", "2007") if f'href="#year-{y}"' in jump], ["2003", "2005", "2007"]
        )

    def test_every_event_has_a_stable_anchor_and_its_own_page(self):
        html = self.html()
        for event in (self.early, self.late):
            self.assertIn(f'id="event-{event.slug}"', html)
            page = self.client.get(event.url).content.decode()
            self.assertIn(f'href="{self.history.url}#event-{event.slug}"', page)

    def test_filter_by_category(self):
        html = self.html("?category=office")
        self.assertIn("Siem Reap office", html)
        self.assertNotIn(">Founded</a>", html)
        self.assertIn('href="?category=office" aria-current="page"', html)

    def test_unknown_or_junk_category_shows_everything_with_a_notice(self):
        for value in ["nonsense", "%00", "' OR 1=1 --", "x" * 5000, "ខ្មែរ"]:
            with self.subTest(value=value[:20]):
                response = self.client.get(self.history.url, {"category": value})
                self.assertEqual(response.status_code, 200)
                html = response.content.decode()
                self.assertIn("so all events are shown", html)
                self.assertIn(">Founded</a>", html)

    def test_timeline_is_a_list_of_lists(self):
        html = self.html()
        self.assertIn('<ol class="timeline">', html)
        self.assertIn('<ol class="timeline__events">', html)

    def test_timeline_query_count_does_not_grow_with_events(self):
        office = OfficePageFactory(parent=self.office_index)

        def add_events(count):
            for n in range(count):
                image = ImageFactory(description="A photo") if n % 2 else None
                event = TimelineEventPageFactory(parent=self.history, year=2010 + n % 10, image=image)
                event.offices.set([office])
                event.save()

        # A query per event (or per image) shows at any growth: 4 events against 16 is enough to see one.
        add_events(4)
        few = self.queries_for(self.history.url)
        add_events(12)
        many = self.queries_for(self.history.url)
        self.assertEqual(few, many)


class RelationTests(ContentTestCase):
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
