"""The programs section, as donors use it."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from aple_site.factories import ImageFactory
from aple_site.models import SiteSettings
from offices.factories import OfficePageFactory
from programs.factories import ProgramPageFactory, ProjectPageFactory, StrategyPageFactory
from programs.models import ImpactFigure, ProgramIndexPage, ProgramPage, ProjectPage, StrategyPage, this_year
from tests.content_base import ContentTestCase


class ProgramTreeTests(ContentTestCase):
    def test_tree(self):
        self.assertAllowedSubpageTypes(ProgramIndexPage, {StrategyPage})
        self.assertAllowedParentPageTypes(StrategyPage, {ProgramIndexPage})
        self.assertAllowedSubpageTypes(StrategyPage, {ProgramPage})
        self.assertAllowedSubpageTypes(ProgramPage, {ProjectPage})
        self.assertAllowedParentPageTypes(ProjectPage, {ProgramPage})

    def test_pages_render_edit_and_preview(self):
        program = ProgramPageFactory(parent=self.strategy)
        cases = [
            (
                self.strategy,
                {"start_year": 2016, "end_year": 2020, "status": "current", "overview": rich_text("<p>O.</p>")},
            ),
            (program, {"summary": "S.", "impact_figures": inline_formset([])}),
            (ProjectPageFactory(parent=program), {"summary": "S.", "body": streamfield([])}),
        ]
        for page, fields in cases:
            with self.subTest(page=type(page).__name__):
                data = nested_form_data({"title": page.title, "slug": page.slug, **fields})
                self.assertPageIsRenderable(page)
                self.assertPageIsEditable(page, data)
                self.assertPageIsPreviewable(page, post_data=data)

    def test_editor_can_create_a_program_with_figures(self):
        self.login_as_superuser()
        figure = {
            "value": "120",
            "unit": "",
            "label": "cases supported",
            "year": "2025",
            "publication": "",
            "source": "Annual report",
        }
        data = nested_form_data(
            {
                "title": "Court support",
                "slug": "court",
                "summary": "For donors.",
                "impact_figures": inline_formset([figure]),
            }
        )
        self.assertCanCreate(self.strategy, ProgramPage, data)

    def test_editor_can_create_a_strategy_and_a_project(self):
        self.login_as_superuser()
        strategy_data = nested_form_data(
            {
                "title": "Strategy 2021–2025",
                "slug": "strategy-2021-2025",
                "start_year": 2021,
                "end_year": 2025,
                "status": "by_period",
                "intro": "",
                "overview": rich_text("<p>What the strategy sets out to do.</p>"),
            }
        )
        self.assertCanCreate(self.program_index, StrategyPage, strategy_data)
        program = ProgramPageFactory(parent=self.strategy)
        project_data = nested_form_data(
            {"title": "Child-friendly courtrooms", "slug": "courtrooms", "summary": "S.", "body": streamfield([])}
        )
        self.assertCanCreate(program, ProjectPage, project_data)

    def test_strategy_years_are_validated(self):
        with self.assertRaises(ValidationError):
            StrategyPage(title="S", slug="s", start_year=2020, end_year=2016, overview="x").clean()


class ProgramIndexTests(ContentTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.siem_reap = OfficePageFactory(parent=cls.office_index, title="Siem Reap", slug="siem-reap")
        cls.court = ProgramPageFactory(
            parent=cls.strategy, title="Court support", summary="Standing by children in court."
        )
        cls.court.offices.set([cls.siem_reap])
        cls.court.save_revision().publish()
        cls.research = ProgramPageFactory(parent=cls.strategy, title="Research and advocacy")

    def test_current_programs_as_summary_cards(self):
        html = self.client.get(self.program_index.url).content.decode()
        self.assertIn("Standing by children in court.", html)
        self.assertIn(f'href="{self.court.url}"', html)
        self.assertIn(f'href="{self.research.url}"', html)

    def test_earlier_strategies_and_archived_notice(self):
        old = StrategyPageFactory(
            parent=self.program_index, title="Strategy 2011–2015", start_year=2011, end_year=2015, status="archived"
        )
        self.assertIn(f'href="{old.url}"', self.client.get(self.program_index.url).content.decode())
        html = self.client.get(old.url).content.decode()
        self.assertIn("This strategy ran from 2011 to 2015 and has ended.", html)
        self.assertIn(f'href="{self.strategy.url}"', html)
        self.assertNotIn("earlier strategy", self.client.get(self.strategy.url).content.decode())

    def test_filter_by_office(self):
        html = self.client.get(self.program_index.url, {"office": "siem-reap"}).content.decode()
        self.assertIn("Court support", html)
        self.assertNotIn("Research and advocacy", html)
        self.assertIn('<option value="siem-reap" selected>', html)

    def test_bad_filter_values_never_fail(self):
        for value in ["nope", "%00", "1' OR '1'='1", "x" * 4000, ["a", "b"]]:
            with self.subTest(value=str(value)[:20]):
                response = self.client.get(self.program_index.url, {"office": value})
                self.assertEqual(response.status_code, 200)
                self.assertIn("Research and advocacy", response.content.decode())

    def test_query_count_does_not_grow_with_programs_projects_and_figures(self):
        def add(count):
            for n in range(count):
                program = ProgramPageFactory(
                    parent=self.strategy, image=ImageFactory(description="Photo") if n % 2 else None
                )
                program.offices.set([self.siem_reap])
                program.impact_figures = [ImpactFigure(value=n, label="children", source="Report", year=2025)]
                program.save()
                ProjectPageFactory(parent=program)

        add(4)
        few = (self.queries_for(self.program_index.url), self.queries_for(self.strategy.url))
        add(8)
        self.assertEqual(few, (self.queries_for(self.program_index.url), self.queries_for(self.strategy.url)))

    def test_program_page_query_count_does_not_grow_with_figures_and_projects(self):
        program = ProgramPageFactory(parent=self.strategy)

        def add(count):
            program.impact_figures = list(program.impact_figures.all()) + [
                ImpactFigure(value=n, label="cases", source="Report", year=2025) for n in range(count)
            ]
            program.save()
            for _ in range(count):
                ProjectPageFactory(parent=program)

        add(4)
        few = self.queries_for(program.url)
        add(8)
        self.assertEqual(few, self.queries_for(program.url))


class ProgramPageTests(ContentTestCase):
    def test_figures_render_as_figures_and_empty_shows_nothing(self):
        program = ProgramPageFactory(parent=self.strategy)
        self.assertNotIn('id="impact"', self.client.get(program.url).content.decode())
        program.impact_figures = [
            ImpactFigure(value=Decimal("87.50"), unit="%", label="cases won", year=this_year(), source="APLE report")
        ]
        program.save_revision().publish()
        html = self.client.get(program.url).content.decode()
        self.assertIn('<span class="figure-stat__value">87.5%</span>', html)
        self.assertIn(f"in {this_year()} · Source: APLE report", html)

    def test_call_to_action_uses_the_donate_setting(self):
        program = ProgramPageFactory(parent=self.strategy)
        self.assertNotIn("Support this program", self.client.get(program.url).content.decode())
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.donate_url = "https://give.example.org/aple"
        settings.save()
        html = self.client.get(program.url).content.decode()
        self.assertIn("Support this program", html)
        self.assertIn('href="https://give.example.org/aple"', html)

    def test_open_graph_tags(self):
        program = ProgramPageFactory(
            parent=self.strategy,
            title="Court support",
            summary="Standing by children.",
            image=ImageFactory(description="A courthouse"),
        )
        html = self.client.get(program.url).content.decode()
        self.assertIn('<meta property="og:title" content="Court support">', html)
        self.assertIn('<meta property="og:description" content="Standing by children.">', html)
        self.assertIn('<meta property="og:image" content="http://localhost/', html)
        self.assertNotIn("share-card", html)  # the page's own picture, described by its alt text
        self.assertIn('<meta property="og:image:alt" content="A courthouse">', html)
        self.assertIn('<meta name="twitter:image" content="http://localhost/', html)

    def test_card_images_are_responsive_pictures(self):
        photo = ImageFactory(description="A village meeting", file__width=1600, file__height=1000)
        ProgramPageFactory(parent=self.strategy, image=photo)
        html = self.client.get(self.program_index.url).content.decode()
        card = html[html.index('<li class="card">') :]
        card = card[: card.index("</li>")]
        self.assertRegex(card, r'<source [^>]*type="image/avif"')
        self.assertRegex(card, r'<source [^>]*type="image/webp"')
        self.assertIn('loading="lazy"', card)
        self.assertRegex(card, r'<img[^>]+width="\d+"[^>]+height="\d+"|<img[^>]+height="\d+"[^>]+width="\d+"')
        self.assertRegex(card, r'srcset="[^"]+ 480w, [^"]+ 960w"')


class ImpactFigureTests(ContentTestCase):
    def test_recent_figures_are_the_present_and_old_ones_history(self):
        program = ProgramPageFactory(parent=self.strategy)
        program.impact_figures = [
            ImpactFigure(value=40, label="children supported in court", year=this_year() - 1, source="Case records"),
            ImpactFigure(value=15, label="police officers trained", year=this_year() - 3, source="Report"),
        ]
        program.save_revision().publish()
        html = self.client.get(program.url).content.decode()
        impact = html[html.index('id="impact"') : html.index('id="earlier-figures"')]
        self.assertIn(f"in {this_year() - 1}", impact)
        self.assertNotIn("police officers trained", impact)
        self.assertIn(f"In {this_year() - 3}: 15 police officers trained", html)

    def test_old_figures_are_flagged_on_the_dashboard(self):
        program = ProgramPageFactory(parent=self.strategy, title="Court support")
        program.impact_figures = [ImpactFigure(value=15, label="officers trained", year=2019, source="Report")]
        program.save_revision().publish()
        self.login_as_superuser()
        html = self.client.get(reverse("wagtailadmin_home")).content.decode()
        self.assertIn("Impact figures to update", html)
        self.assertIn(reverse("wagtailadmin_pages:edit", args=(program.pk,)), html)

    def test_a_figure_says_where_it_comes_from_and_describes_a_begun_year(self):
        with self.assertRaisesMessage(ValidationError, "Say where the figure comes from"):
            ImpactFigure(value=1, label="x", year=2024).clean()
        with self.assertRaisesMessage(ValidationError, "in the future"):
            ImpactFigure(value=1, label="x", year=this_year() + 1, source="Report").clean()

    def test_the_editor_adds_a_figure_with_its_year_and_source(self):
        self.login_as_superuser()
        figure = {"value": "120", "unit": "", "label": "cases", "year": "2025", "publication": "", "source": ""}
        data = nested_form_data(
            {"title": "Court", "slug": "court", "summary": "S.", "impact_figures": inline_formset([figure])}
        )
        url = reverse("wagtailadmin_pages:add", args=("programs", "programpage", self.strategy.pk))
        self.assertContains(self.client.post(url, data), "Say where the figure comes from")
