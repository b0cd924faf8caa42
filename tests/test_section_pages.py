"""The section index pages (history, partners, agreements, offices, programs): tree rules, rendering, editing,
previews."""

from wagtail.test.utils.form_data import nested_form_data

from aple_site.models import HomePage
from history.factories import HistoryIndexPageFactory, MoUIndexPageFactory, PartnerIndexPageFactory
from history.models import HistoryIndexPage, MoUIndexPage, PartnerIndexPage
from offices.factories import OfficeIndexPageFactory
from offices.models import OfficeIndexPage
from programs.factories import ProgramIndexPageFactory
from programs.models import ProgramIndexPage
from tests.base import SiteTestCase

SECTIONS = [
    (HistoryIndexPage, HistoryIndexPageFactory),
    (PartnerIndexPage, PartnerIndexPageFactory),
    (MoUIndexPage, MoUIndexPageFactory),
    (OfficeIndexPage, OfficeIndexPageFactory),
    (ProgramIndexPage, ProgramIndexPageFactory),
]


class SectionIndexPageTests(SiteTestCase):
    def test_each_section_lives_under_the_home_page_once(self):
        for model, factory in SECTIONS:
            with self.subTest(model=model.__name__):
                self.assertAllowedParentPageTypes(model, {HomePage})
                self.assertTrue(model.can_create_at(self.home))
                factory(parent=self.home)
                self.assertFalse(model.can_create_at(self.home))

    def test_sections_render_show_intro_and_are_editable(self):
        for _model, factory in SECTIONS:
            page = factory(parent=self.home, intro="An introduction for visitors.")
            with self.subTest(page=page.title):
                self.assertPageIsRenderable(page)
                self.assertContains(self.client.get(page.url), "An introduction for visitors.")
                self.assertPageIsEditable(
                    page, nested_form_data({"title": page.title, "slug": page.slug, "intro": "New."})
                )

    def test_editor_can_create_each_section(self):
        self.login_as_superuser()
        for model, _factory in SECTIONS:
            with self.subTest(model=model.__name__):
                slug = model.__name__.lower()
                self.assertCanCreate(
                    self.home, model, nested_form_data({"title": model.__name__, "slug": slug, "intro": "Hi."})
                )

    def test_every_page_type_previews(self):
        for _model, factory in SECTIONS:
            self.assertPageIsPreviewable(factory(parent=self.home))
        self.assertPageIsPreviewable(self.home)

    def test_free_form_pages_preview(self):
        from wagtail.test.utils.form_data import streamfield

        from aple_site.factories import CookiePolicyPageFactory, StandardPageFactory

        for page in (StandardPageFactory(parent=self.home), CookiePolicyPageFactory(parent=self.home)):
            data = nested_form_data(
                {"title": page.title, "slug": page.slug, "intro": "Preview me.", "body": streamfield([])}
            )
            self.assertPageIsPreviewable(page, post_data=data)
