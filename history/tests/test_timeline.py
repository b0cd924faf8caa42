"""The timeline: event dates and their precision, the listing by year, its pages and filters, and a long history."""

import re

from django.core.exceptions import ValidationError
from django.test import TestCase

from aple_site.factories import ImageFactory
from history.factories import PartnerPageFactory, TimelineEventPageFactory
from history.models import MoUPage, TimelineEventPage
from history.models.events import EVENTS_PER_PAGE
from offices.factories import OfficePageFactory
from tests.content_base import ContentTestCase


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


class TimelinePagingTests(ContentTestCase):
    """A long history is read a page of EVENTS_PER_PAGE events at a time, each page named by its years; the filter,
    the year jump and an event's link back to the timeline lead to the page that holds what they name."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # 17 events, one a year from 2001 (every third a founding), created out of order: pages of 7, 7 and 3.
        cls.events = {}
        for year in (*range(2017, 2008, -1), *range(2001, 2009)):
            category = "founding" if year % 3 == 0 else "office"
            cls.events[year] = TimelineEventPageFactory(
                parent=cls.history, title=f"Event of {year}", slug=f"event-{year}", year=year, category=category
            )

    def html(self, query=""):
        response = self.client.get(self.history.url + query)
        self.assertEqual(response.status_code, 200, query)
        return response.content.decode()

    def titles(self, html):
        return re.findall(r'class="timeline__title"[^>]*><a [^>]*>Event of (\d{4})</a>', html)

    def pages_nav(self, html):
        return html.split('aria-label="Pages of the timeline"')[1].split("</nav>")[0]

    def test_each_page_holds_the_next_events_in_date_order(self):
        self.assertEqual(EVENTS_PER_PAGE, 7)
        self.assertEqual(self.titles(self.html()), [str(y) for y in range(2001, 2008)])
        self.assertEqual(self.titles(self.html("?page=2")), [str(y) for y in range(2008, 2015)])
        self.assertEqual(self.titles(self.html("?page=3")), ["2015", "2016", "2017"])

    def test_pages_are_named_by_their_years_and_the_current_one_is_marked(self):
        nav = self.pages_nav(self.html("?page=2"))
        links = re.findall(r'<a href="([^"]*)"( aria-current="page")?( rel="\w+")?>([^<]*)</a>', nav)
        url = self.history.url
        self.assertIn((url, "", ' rel="prev"', "Earlier: 2001–2007"), links)
        self.assertIn((f"{url}?page=3", "", ' rel="next"', "Later: 2015–2017"), links)
        self.assertIn((f"{url}?page=2", ' aria-current="page"', "", "2008–2014"), links)
        self.assertIn((f"{url}?page=all", "", "", "All years"), links)

    def test_the_year_jump_leads_to_the_page_that_holds_each_year(self):
        jump = self.html("?page=2").split('aria-label="Jump to a year"')[1].split("</nav>")[0]
        self.assertIn(f'href="{self.history.url}#year-2003"', jump)
        self.assertIn('href="#year-2010"', jump)  # on this page
        self.assertIn(f'href="{self.history.url}?page=3#year-2016"', jump)
        self.assertEqual(len(re.findall(r"#year-\d{4}", jump)), 17)

    def test_the_filter_pages_within_its_category_and_keeps_it_from_page_to_page(self):
        founding = [str(year) for year in range(2001, 2018) if year % 3 == 0]  # 2001…2017: 5 years
        self.assertEqual(self.titles(self.html("?category=founding")), founding)
        self.assertNotIn('aria-label="Pages of the timeline"', self.html("?category=founding"))
        office = [str(year) for year in range(2001, 2018) if year % 3]
        html = self.html("?category=office&page=2")
        self.assertEqual(self.titles(html), office[7:])
        self.assertIn(f'href="{self.history.url}?category=office" rel="prev"', html)

    def test_the_whole_history_is_on_one_page_for_printing(self):
        html = self.html()
        self.assertIn(f'href="{self.history.url}?page=all">The whole history on one page (to print it)</a>', html)
        self.assertIn("These are the events of 2001–2007. The whole history is on one page at", html)
        whole = self.html("?page=all")
        self.assertEqual(self.titles(whole), [str(y) for y in range(2001, 2018)])
        self.assertNotIn("These are the events of", whole)
        self.assertIn('aria-current="page">All years</a>', whole)

    def test_any_other_page_number_shows_the_nearest_page(self):
        for value, first in (("0", "2001"), ("-3", "2001"), ("x", "2001"), ("99", "2015"), ("9" * 400, "2015")):
            with self.subTest(page=value[:10]):
                self.assertEqual(self.titles(self.html(f"?page={value}"))[0], first)

    def test_an_event_links_to_the_page_of_the_timeline_that_holds_it(self):
        for year, page in ((2003, ""), (2007, ""), (2008, "?page=2"), (2017, "?page=3")):
            with self.subTest(year=year):
                html = self.client.get(self.events[year].url).content.decode()
                self.assertIn(f'href="{self.history.url}{page}#event-event-{year}"', html)
                self.assertIn(f'id="event-event-{year}"', self.html(page))

    def test_a_history_of_one_page_shows_no_pages(self):
        html = self.html("?category=founding")  # 5 events
        self.assertNotIn("The whole history on one page", html)
        self.assertNotIn("These are the events of", html)


class LongTimelineTests(TestCase):
    """Whatever the volume, each page of the timeline stays under 40 KB of HTML in both languages: here the seed's
    events in English and Khmer six times over, each with a photo (the most an event shows on the timeline)."""

    @classmethod
    def setUpTestData(cls):
        photo = ImageFactory(title="The Sihanoukville office", description="The office building from the street")
        for event in list(TimelineEventPage.objects.all()):
            parent = event.get_parent()
            for n in range(2, 7):
                fields = {name: getattr(event, name) for name in ("year", "month", "day", "date_precision")}
                TimelineEventPageFactory(
                    parent=parent,
                    title=f"{event.title} ({n})",
                    slug=f"{event.slug}-{n}",
                    summary=event.summary,
                    category=event.category,
                    locale=event.locale,
                    image=photo,
                    **fields,
                )
        TimelineEventPage.objects.update(image=photo)

    def test_every_page_of_the_timeline_is_under_40_kb(self):
        for language in ("en", "km"):
            events = TimelineEventPage.objects.live().filter(locale__language_code=language).count()
            self.assertGreaterEqual(events, 60)
            pages = -(-events // EVENTS_PER_PAGE)
            for page in range(1, pages + 1):
                with self.subTest(language=language, page=page):
                    response = self.client.get(f"/{language}/history/?page={page}")
                    self.assertEqual(response.status_code, 200)
                    self.assertContains(response, "<picture>", count=EVENTS_PER_PAGE if page < pages else None)
                    self.assertLess(len(response.content), 40 * 1024)

    def test_the_list_of_pages_stays_short_however_many_there_are(self):
        html = self.client.get("/en/history/?page=5").content.decode()
        nav = html.split('aria-label="Pages of the timeline"')[1].split("</nav>")[0]
        numbers = re.findall(r'href="/en/history/\?page=(\d+)"', nav.split("timeline-pages__list--all")[1])
        last = str(-(-TimelineEventPage.objects.live().filter(locale__language_code="en").count() // EVENTS_PER_PAGE))
        self.assertEqual(numbers, ["4", "5", "6", last])  # and page 1, whose address has no number
        self.assertIn('href="/en/history/">', nav)
        self.assertEqual(nav.count("timeline-pages__gap"), 2)
