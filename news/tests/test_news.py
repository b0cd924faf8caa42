"""News: the section and its pages, the year filter and pages of the listing, the relations shown on both sides, the
Atom feed of each language and the latest news on the home page."""

import datetime

from django.test import TestCase
from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from aple_site.factories import ImageFactory
from aple_site.models import HomePage
from history.factories import PartnerPageFactory, TimelineEventPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsIndexPage, NewsPage
from offices.factories import OfficePageFactory
from programs.factories import ProgramPageFactory
from tests.atom import atom_problems
from tests.base import in_khmer
from tests.content_base import ContentTestCase

EMPTY_NEWS = "There is no news here yet. News from APLE will appear on this page when it is published."


class NewsTestCase(ContentTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.news_index = NewsIndexPageFactory(parent=cls.home, show_in_menus=True)

    def add_news(self, **fields):
        return NewsPageFactory(parent=self.news_index, **fields)


class NewsPageTreeTests(NewsTestCase):
    def test_tree(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_pages_render_edit_preview_and_can_be_created(self):
        item = self.add_news()
        fields = {"date": "2026-03-14", "summary": "S.", "body": streamfield([("paragraph", rich_text("<p>B.</p>"))])}
        for page, data in (
            (self.news_index, {"intro": "News."}),
            (item, {**fields, "programs": [], "offices": [], "partners": [], "events": []}),
        ):
            with self.subTest(page=page):
                data = nested_form_data({"title": page.title, "slug": page.slug, **data})
                self.assertPageIsRenderable(page)
                self.assertPageIsEditable(page, data)
                self.assertPageIsPreviewable(page, post_data=data)
        self.login_as_superuser()
        data = nested_form_data({"title": "Second", "slug": "second", **fields})
        self.assertCanCreate(self.news_index, NewsPage, data)


class EmptyNewsTests(NewsTestCase):
    def test_an_empty_news_section_says_so_and_stays_out_of_the_menu_until_an_item_is_published(self):
        response = self.client.get(self.news_index.url)
        self.assertContains(response, EMPTY_NEWS)
        home = self.client.get(self.home.url).content.decode()
        self.assertNotIn(f'href="{self.news_index.url}"', home.split("</nav>")[0])
        draft = self.add_news(live=False)
        self.assertNotIn(f'href="{self.news_index.url}"', self.client.get(self.home.url).content.decode())
        draft.save_revision().publish()
        menu = self.client.get(self.home.url).content.decode().split('class="main-nav"')[1].split("</nav>")[0]
        self.assertIn(f'href="{self.news_index.url}"', menu)

    def test_the_home_page_shows_the_latest_news_only_when_there_is_some(self):
        self.assertNotContains(self.client.get(self.home.url), "Latest news")
        for day in range(1, 6):
            self.add_news(title=f"Item of day {day}", date=datetime.date(2026, 4, day))
        response = self.client.get(self.home.url)
        self.assertContains(response, "Latest news")
        for day in (5, 4, 3):
            self.assertContains(response, f"Item of day {day}")
        self.assertNotContains(response, "Item of day 2")
        self.assertContains(response, f'href="{self.news_index.url}"')


class NewsListingTests(NewsTestCase):
    def test_news_are_listed_newest_first_and_filtered_by_year_without_javascript(self):
        self.add_news(title="Older", date=datetime.date(2024, 5, 1))
        self.add_news(title="Newer", date=datetime.date(2026, 1, 9))
        self.add_news(title="Not yet published", date=datetime.date(2026, 2, 1), live=False)
        page = self.client.get(self.news_index.url).content.decode()
        self.assertLess(page.index("Newer"), page.index("Older"))
        self.assertNotIn("Not yet published", page)
        self.assertIn('<select id="filter-year" name="year">', page)
        filtered = self.client.get(self.news_index.url, {"year": "2024"})
        self.assertContains(filtered, "Older")
        self.assertNotContains(filtered, "Newer")
        for junk in ("1999", "abc", "2024' OR 1=1", "9" * 30):
            with self.subTest(year=junk):
                response = self.client.get(self.news_index.url, {"year": junk})
                self.assertContains(response, "There is no news from that year")
                self.assertContains(response, "Newer")

    def test_news_are_paged_ten_at_a_time(self):
        for n in range(12):
            self.add_news(title=f"Paged item {n:02d}", date=datetime.date(2025, 1, n + 1))
        first = self.client.get(self.news_index.url).content.decode()
        self.assertIn("Paged item 11", first)
        self.assertNotIn("Paged item 01", first)
        self.assertIn('rel="next"', first)
        second = self.client.get(self.news_index.url, {"page": "2"})
        self.assertContains(second, "Paged item 01")
        self.assertEqual(self.client.get(self.news_index.url, {"page": "x9"}).status_code, 200)

    def test_the_listing_runs_the_same_number_of_queries_for_5_and_50_items(self):
        counts = {}
        for total in (5, 50):
            while NewsPage.objects.child_of(self.news_index).count() < total:
                n = NewsPage.objects.count()
                images = {
                    "image": ImageFactory() if n % 2 else None,
                    "listing_image": ImageFactory() if n % 3 else None,
                }
                self.add_news(**images, date=datetime.date(2020 + n % 6, 1 + n % 12, 1))
            counts[total] = self.queries_for(self.news_index.url)
        self.assertEqual(counts[5], counts[50], counts)


class NewsRelationTests(NewsTestCase):
    def test_news_and_the_pages_it_is_about_link_to_each_other(self):
        program = ProgramPageFactory(parent=self.strategy, title="Justice for children")
        office = OfficePageFactory(parent=self.office_index, title="Siem Reap office")
        partner = PartnerPageFactory(parent=self.partner_index, title="A partner ministry")
        event = TimelineEventPageFactory(parent=self.history, title="An agreement signed")
        item = self.add_news(title="Training for judges")
        for related in (program, office, partner, event):
            getattr(item, {program: "programs", office: "offices", partner: "partners", event: "events"}[related]).add(
                related
            )
        item.save_revision().publish()
        news_page = self.client.get(item.url)
        for related in (program, office, partner, event):
            with self.subTest(page=related.title):
                self.assertContains(news_page, f'href="{related.url}"')
                response = self.client.get(related.url)
                self.assertContains(response, "In the news")
                self.assertContains(response, f'href="{item.url}"')
        item.unpublish()
        self.assertNotContains(self.client.get(program.url), "Training for judges")


class NewsFeedTests(NewsTestCase):
    def feed(self, index):
        response = self.client.get(index.url + "feed/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/atom+xml; charset=utf-8")
        return response.content

    def test_an_empty_feed_is_valid_atom_too(self):
        self.assertEqual(atom_problems(self.feed(self.news_index)), [])

    def test_the_checker_finds_what_breaks_atom(self):
        broken = b'<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>E</title></entry></feed>'
        problems = atom_problems(broken)
        self.assertTrue(any("atom:id" in problem for problem in problems), problems)
        self.assertTrue(any("atom:updated" in problem for problem in problems), problems)

    def test_the_feed_is_linked_from_the_head_and_the_page(self):
        item = self.add_news()
        feed_url = self.news_index.url + "feed/"
        for url in (self.news_index.url, item.url):
            with self.subTest(url=url):
                page = self.client.get(url).content.decode()
                head, body = page.split("</head>")
                self.assertIn('<link rel="alternate" type="application/atom+xml" title="', head)
                self.assertIn(f'href="{feed_url}"', head)
                self.assertIn(f'<a href="{feed_url}">', body)


class NewsImageTests(NewsTestCase):
    def edit(self, page, **fields):
        data = nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "date": "2026-03-14",
                "summary": "S.",
                "body": streamfield([]),
                **fields,
                "action-publish": "publish",
            }
        )
        return self.client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)

    def test_a_news_page_refuses_an_image_that_may_show_an_identifiable_child(self):
        self.login_as_superuser()
        item = self.add_news()
        for answer in ("yes", "unknown"):
            with self.subTest(shows_identifiable_child=answer):
                image = ImageFactory(shows_identifiable_child=answer)
                for fields in (
                    {"image": image.pk},
                    {"listing_image": image.pk},
                    {
                        "body": streamfield(
                            [
                                (
                                    "figure",
                                    {
                                        "image": {"image": image.pk, "alt_text": "A photo", "decorative": False},
                                        "caption": "",
                                    },
                                )
                            ]
                        )
                    },
                ):
                    response = self.edit(item, **fields)
                    self.assertEqual(response.status_code, 200)
                    self.assertContains(response, "This image may show an identifiable child")
        checked = ImageFactory(shows_identifiable_child="no")
        self.assertEqual(self.edit(item, image=checked.pk).status_code, 302)
        self.assertEqual(NewsPage.objects.get(pk=item.pk).image_id, checked.pk)


class SeededNewsTests(TestCase):
    """On the seeded site, in both languages."""

    def setUp(self):
        self.indexes = {index.locale.language_code: index for index in NewsIndexPage.objects.select_related("locale")}

    def test_both_languages_start_with_an_empty_news_section_out_of_the_menu(self):
        for language, text in (("en", EMPTY_NEWS), ("km", in_khmer(EMPTY_NEWS))):
            with self.subTest(language=language):
                index = self.indexes[language]
                self.assertContains(self.client.get(index.url), text)
                home = self.client.get(f"/{language}/").content.decode()
                self.assertNotIn(f'href="{index.url}"', home[: home.index("</header>")])

    def test_each_language_has_a_valid_atom_feed_of_its_own_live_news(self):
        english, khmer = self.indexes["en"], self.indexes["km"]
        NewsPageFactory(parent=english, title="Published in English", date=datetime.date(2026, 5, 1))
        NewsPageFactory(parent=english, title="Still a draft", live=False)
        NewsPageFactory(parent=khmer, title="ព័ត៌មានជាភាសាខ្មែរ")
        feeds = {}
        for language, index in self.indexes.items():
            response = self.client.get(index.url + "feed/")
            self.assertEqual(response["Content-Type"], "application/atom+xml; charset=utf-8")
            self.assertEqual(atom_problems(response.content), [], language)
            feeds[language] = response.content.decode()
        self.assertIn("Published in English", feeds["en"])
        self.assertNotIn("Still a draft", feeds["en"])
        self.assertNotIn("ព័ត៌មានជាភាសាខ្មែរ", feeds["en"])
        self.assertIn("ព័ត៌មានជាភាសាខ្មែរ", feeds["km"])
        self.assertNotIn("Published in English", feeds["km"])
        self.assertIn('xml:lang="km"', feeds["km"])
