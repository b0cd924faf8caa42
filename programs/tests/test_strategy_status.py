"""A strategy is presented as current only while it is, in both languages: its programs ask for support only then."""

from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse

from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text

from programs.factories import ProgramPageFactory, StrategyPageFactory
from programs.models import ProgramPage, StrategyPage, this_year
from tests.base import DONATE, in_khmer, set_site_settings
from tests.content_base import ContentTestCase


class SeededStrategyStatusTests(TestCase):
    """The seeded 2016–2020 strategy, seen in 2026 or later: never presented as current, in either language."""

    def english_strategy(self):
        return StrategyPage.objects.get(locale__language_code="en", slug="strategy-2016-2020")

    def khmer(self, page):
        return page.get_translation(Locale.objects.get(language_code="km")).specific

    def test_an_ended_strategy_is_not_current_in_either_language(self):
        strategy = self.english_strategy()
        html = self.client.get("/en/our-work/").content.decode()
        self.assertIn("Our 2016–2020 strategy", html)
        self.assertIn("This strategy ran from 2016 to 2020 and has ended.", html)
        self.assertNotIn("current strategy", html)
        self.assertIn("Ended in 2020", self.client.get(strategy.url).content.decode())

        khmer_html = self.client.get("/km/our-work/").content.decode()
        years = {"start": "២០១៦", "end": "២០២០"}
        self.assertIn(in_khmer("This strategy ran from %(start)s to %(end)s and has ended.", **years), khmer_html)
        self.assertNotIn(in_khmer("Our current strategy, %(period)s", period="២០១៦–២០២០"), khmer_html)
        khmer_strategy = self.client.get(self.khmer(strategy).url).content.decode()
        self.assertIn(in_khmer("Ended in %(year)s", year="២០២០"), khmer_strategy)

    def test_programs_of_an_ended_strategy_say_so_and_ask_for_no_money(self):
        set_site_settings(donate_url=DONATE)
        program = ProgramPage.objects.get(locale__language_code="en", slug="court-support")
        for page, notice in (
            (program, "This work was part of Strategy 2016–2020."),
            (self.khmer(program), in_khmer("This work was part of %(title)s.", title="យុទ្ធសាស្ត្រ ២០១៦–២០២០")),
        ):
            with self.subTest(language=page.locale.language_code):
                html = self.client.get(page.url).content.decode()
                self.assertIn(notice, html)
                self.assertNotIn('class="donate-cta"', html)
                self.assertIn("button--donate", html)  # the header's Donate button stays: APLE still asks

    def test_archiving_the_english_strategy_archives_the_khmer_one(self):
        set_site_settings(donate_url=DONATE)
        strategy = self.english_strategy()
        program = self.khmer(ProgramPage.objects.get(locale__language_code="en", slug="court-support"))
        strategy.start_year, strategy.end_year = this_year() - 1, this_year() + 3
        strategy.save_revision().publish()
        self.assertEqual(self.khmer(strategy).end_year, this_year() + 3)
        self.assertIn('class="donate-cta"', self.client.get(program.url).content.decode())
        self.assertIn(in_khmer("Current"), self.client.get(self.khmer(strategy).url).content.decode())

        strategy.status = "archived"
        strategy.save_revision().publish()
        self.assertEqual(self.khmer(strategy).status, "archived")
        html = self.client.get(program.url).content.decode()
        self.assertNotIn('class="donate-cta"', html)
        self.assertIn(in_khmer("This is an earlier strategy; APLE has archived it."), html)

    def test_a_translators_old_draft_cannot_bring_a_status_back(self):
        strategy = self.english_strategy()
        strategy.status = "archived"
        strategy.save_revision().publish()
        khmer = self.khmer(strategy)
        khmer.status, khmer.end_year = "current", 2030
        khmer.save_revision().publish()
        khmer.refresh_from_db()
        self.assertEqual((khmer.status, khmer.end_year), ("archived", 2020))


class StrategyStatusTests(ContentTestCase):
    """self.strategy (2016–2020) is marked current by staff."""

    def test_current_by_period_or_when_marked(self):
        year = this_year()
        cases = [
            ({"start_year": year - 1, "end_year": year + 1, "status": "by_period"}, True),
            ({"start_year": year, "end_year": None, "status": "by_period"}, True),
            ({"start_year": 2016, "end_year": 2020, "status": "by_period"}, False),
            ({"start_year": year + 1, "end_year": year + 5, "status": "by_period"}, False),
            ({"start_year": 2016, "end_year": 2020, "status": "current"}, True),
            ({"start_year": year - 1, "end_year": year + 1, "status": "archived"}, False),
        ]
        for fields, current in cases:
            with self.subTest(**fields):
                self.assertEqual(StrategyPage(title="S", **fields).is_current(), current)

    def test_at_most_one_strategy_is_current(self):
        year = this_year()
        for fields in ({"status": "current"}, {"status": "by_period", "start_year": year - 1, "end_year": year}):
            with self.subTest(**fields), self.assertRaisesMessage(ValidationError, "Only one strategy can be current"):
                page = StrategyPage(title="New", slug="new", overview="x", locale=self.strategy.locale, **fields)
                page.start_year = page.start_year or 2021
                page.clean()
        StrategyPage(title="Old", slug="old", start_year=2011, end_year=2015, overview="x").clean()  # no error

    def test_the_editor_is_told_why_a_second_current_strategy_is_refused(self):
        self.login_as_superuser()
        data = nested_form_data(
            {
                "title": "Strategy 2026–2030",
                "slug": "strategy-2026-2030",
                "start_year": 2026,
                "end_year": 2030,
                "status": "current",
                "intro": "",
                "overview": rich_text("<p>What it sets out to do.</p>"),
                "action-publish": "publish",
            }
        )
        url = reverse("wagtailadmin_pages:add", args=("programs", "strategypage", self.program_index.pk))
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Only one strategy can be current, and “")
        self.assertFalse(StrategyPage.objects.filter(slug="strategy-2026-2030").exists())

    def test_our_work_presents_the_current_strategy_as_current(self):
        html = self.client.get(self.program_index.url).content.decode()
        self.assertIn("Our current strategy, 2016–2020", html)
        self.assertNotIn('role="note"', html)

    def test_with_none_current_the_latest_is_shown_for_what_it_is(self):
        self.strategy.status = "archived"
        self.strategy.save_revision().publish()
        StrategyPageFactory(
            parent=self.program_index, title="Strategy 2011–2015", start_year=2011, end_year=2015, status="by_period"
        )
        html = self.client.get(self.program_index.url).content.decode()
        self.assertIn("Our 2016–2020 strategy", html)
        self.assertIn("This strategy ran from 2016 to 2020 and has ended.", html)
        self.assertIn("Earlier strategies", html)
        self.assertNotIn("current strategy", html)

    def test_a_program_of_an_earlier_strategy_points_to_the_current_work(self):
        set_site_settings(donate_url=DONATE)
        old = StrategyPageFactory(
            parent=self.program_index, title="Strategy 2011–2015", start_year=2011, end_year=2015, status="by_period"
        )
        program = ProgramPageFactory(parent=old)
        html = self.client.get(program.url).content.decode()
        self.assertIn("This work was part of Strategy 2011–2015.", html)
        self.assertIn(f'href="{self.strategy.url}"', html)
        self.assertNotIn("Support this program", html)
        self.assertIn(
            "Support this program", self.client.get(ProgramPageFactory(parent=self.strategy).url).content.decode()
        )
