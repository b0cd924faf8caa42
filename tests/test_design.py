"""What the design shows from the content: the home page's figures (counted, never typed) and latest events,
an event's neighbours on the timeline, and the cards' designed state when a page has no picture."""

import datetime

from history.factories import PartnerPageFactory, TimelineEventPageFactory
from offices.factories import OfficePageFactory
from programs.factories import ProgramPageFactory
from tests.content_base import ContentTestCase


def figures(html):
    """{label: value} of the home page's key figures."""
    if 'class="key-figures"' not in html:
        return {}
    block = html.split('class="key-figures"')[1].split("</ul>")[0]
    pairs = [item.split('key-figure__value">')[1] for item in block.split('<li class="key-figure">')[1:]]
    return {p.split('key-figure__label">')[1].split("<")[0]: p.split("<")[0] for p in pairs}


class HomePageFiguresTests(ContentTestCase):
    def test_figures_are_counted_from_published_pages_and_hidden_when_there_is_nothing(self):
        self.assertEqual(figures(self.client.get("/en/").content.decode()), {})  # nothing yet: no zeros shown
        founded = TimelineEventPageFactory(parent=self.history, year=2003, category="founding")
        OfficePageFactory(parent=self.office_index, title="Phnom Penh", city="Phnom Penh")
        second = OfficePageFactory(parent=self.office_index, title="Siem Reap", city="Siem Reap")
        PartnerPageFactory(parent=self.partner_index)
        shown = figures(self.client.get("/en/").content.decode())
        years = datetime.date.today().year - 2003
        self.assertEqual(shown[f"years since APLE was founded in {founded.year}"], str(years))
        self.assertEqual(shown["offices"], "2")
        self.assertEqual(shown["partner"], "1")
        self.assertNotIn("programs", shown)
        ProgramPageFactory(parent=self.strategy)  # the strategy of ContentTestCase is marked current
        self.assertEqual(figures(self.client.get("/en/").content.decode())["program"], "1")
        self.strategy.status = "archived"  # a past strategy's programs are not today's work
        self.strategy.save_revision().publish()
        self.assertNotIn("program", figures(self.client.get("/en/").content.decode()))
        second.unpublish()  # a page taken down is not counted
        self.assertEqual(figures(self.client.get("/en/").content.decode())["office"], "1")

    def test_latest_events_lead_to_the_timeline(self):
        for year in (2003, 2005, 2009, 2014):
            TimelineEventPageFactory(parent=self.history, year=year, title=f"Event of {year}")
        html = self.client.get("/en/").content.decode()
        latest = html.split("Latest from our history")[1].split("</section>")[0]
        self.assertEqual([y for y in (2014, 2009, 2005, 2003) if f"Event of {y}" in latest], [2014, 2009, 2005])
        self.assertIn(f'href="{self.history.url}"', latest)


class EventNeighboursTests(ContentTestCase):
    def test_an_event_links_to_the_events_before_and_after_it(self):
        first = TimelineEventPageFactory(parent=self.history, year=2003, title="First")
        middle = TimelineEventPageFactory(parent=self.history, year=2005, title="Middle")
        TimelineEventPageFactory(parent=self.history, year=2009, title="Last")
        pager = self.client.get(middle.url).content.decode().split('class="pager"')[1].split("</nav>")[0]
        self.assertIn(f'href="{first.url}" rel="prev"', pager)
        self.assertIn('rel="next"', pager)
        self.assertIn("Last", pager)
        self.assertNotIn('rel="prev"', self.client.get(first.url).content.decode().split("</main>")[0])


class CardTests(ContentTestCase):
    def test_a_card_without_a_picture_opens_with_a_badge(self):
        PartnerPageFactory(parent=self.partner_index, title="Mlop", since_year=2005)
        card = self.client.get(self.partner_index.url).content.decode().split('<li class="card">')[1]
        self.assertIn('class="card__badge"', card)
        self.assertIn("Working together since 2005", card)
        self.assertIn('class="icon icon--handshake', card)


def test_icons_are_inline_decorative_svgs_and_an_unknown_name_falls_back():
    from django.template import Context, Template

    html = Template('{% load icon_tags %}{% icon "phone" %}|{% icon name %}').render(Context({"name": ""}))
    phone, fallback = html.split("|")
    assert phone.startswith('<svg class="icon icon--phone" aria-hidden="true" focusable="false"')
    assert "<path" in phone and "http" not in phone.replace("http://www.w3.org/2000/svg", "")
    assert fallback.startswith('<svg class="icon icon--arrow-right"')


class ShareImageTests(ContentTestCase):
    def test_an_event_or_office_with_a_photo_shares_it_with_its_alt_text(self):
        from aple_site.factories import ImageFactory

        event = TimelineEventPageFactory(parent=self.history, image=ImageFactory(description="The first office"))
        office = OfficePageFactory(parent=self.office_index, photo=ImageFactory(description="A street in Kampot"))
        for page, alt in ((event, "The first office"), (office, "A street in Kampot")):
            head = self.client.get(page.url).content.decode().split("</head>")[0]
            self.assertNotIn("share-card", head)
            self.assertIn(f'<meta property="og:image:alt" content="{alt}">', head)
