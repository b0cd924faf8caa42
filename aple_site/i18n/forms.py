"""The page editor's form, aware of the page's language: every page type's admin form (SitePage.base_form_class).

- On a translation, the facts shared with the English page (`shared_fields`, aple_site/i18n/shared.py) are
  shown read-only, with the English page's values, and say where to change them (SharedFieldPanel).
- Every picker of other pages (offices, partners, MoUs, programs, events) lists the pages of the page's own
  language only, each labelled with its context where a title alone is ambiguous (a program with its strategy).
- Two traps are removed: "Show in menus" is offered only where the main menu can show the page (a section
  under the home page), and an automatic slug keeps the dashes of its title as hyphens ("Strategy 2021–2025"
  gives strategy-2021-2025, where Wagtail drops the dash and gives strategy-20212025): in the slug Wagtail's
  editor proposes as the title is typed (SlugInput's formatters), and on saving, for a slug made without it.
"""

import re

from django.utils.text import slugify

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.admin.widgets import SlugInput
from wagtail.models import Page, TranslatableMixin

SET_ON_THE_SOURCE = "The same in every language: change it on the English page, and publish it there."
SHOW_IN_MENUS_HELP = "Adds a link to this page to the main menu at the top of every page of its language."
DASHES = re.compile(r"[\u2010-\u2015\u2212]")  # hyphen, non-breaking hyphen, figure dash, en and em dashes, minus


def slug_keeping_dashes(title):
    return slugify(DASHES.sub("-", title), allow_unicode=True)


def dropped_dashes(slug, title):
    """True when `slug` is Wagtail's automatic slug of a title with dashes, which it drops (2021–2025 → 20212025)."""
    return bool(DASHES.search(title)) and slug in {slugify(title), slugify(title, allow_unicode=True)}


def in_main_menu(page_class):
    """True for the page types the main menu can show: the children of the home page."""
    return any(parent._meta.label == "aple_site.HomePage" for parent in page_class.allowed_parent_page_models())


def page_label(page, parents):
    """How a picker names `page`: its title, with its parent's where the page type asks for it (a program's
    strategy), or with the detail the page type gives (`picker_detail`: an event's year)."""
    if getattr(page, "picker_shows_parent", False) and (parent := parents.get(page.path[: -page.steplen])):
        return f"{page.title} ({parent})"
    if detail := getattr(page, "picker_detail", ""):
        return f"{page.title} ({detail})"
    return page.title


class PageFormInItsLanguage(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        self.shared_from_source = hasattr(page, "is_translation") and page.shared_fields and page.is_translation()
        if self.shared_from_source:
            # Shown (by SharedFieldPanel) with the source page's values, never posted: the form leaves them out.
            page.take_shared_fields_from_source()
            for name in page.shared_fields:
                self.fields.pop(name, None)
        if "slug" in self.fields:
            # The slug Wagtail's editor proposes as the title is typed keeps its dashes as hyphens too (clean()
            # below corrects a slug made without this, e.g. with JavaScript off).
            locale = page.locale if page.locale_id else None  # a new page's preview has none yet
            self.fields["slug"].widget = SlugInput(formatters=[(DASHES.pattern, "-")], locale=locale)
        if "show_in_menus" in self.fields:
            if in_main_menu(type(page)):
                self.fields["show_in_menus"].help_text = SHOW_IN_MENUS_HELP
            else:
                del self.fields["show_in_menus"]  # Wagtail's panel is then hidden
        if page.locale_id:
            for field in self.fields.values():
                if getattr(field, "queryset", None) is not None and issubclass(field.queryset.model, Page):
                    self._limit_to_language(field, page.locale_id)

    def clean(self):
        title, slug = self.cleaned_data.get("title", ""), self.cleaned_data.get("slug", "")
        if title and slug and dropped_dashes(slug, title):
            self.cleaned_data["slug"] = slug_keeping_dashes(title)
        return super().clean()

    @staticmethod
    def _limit_to_language(field, locale_id):
        model = field.queryset.model
        if not issubclass(model, TranslatableMixin):
            return
        field.queryset = field.queryset.filter(locale_id=locale_id)
        parents = {}
        if getattr(model, "picker_shows_parent", False):
            steplen = model.steplen
            paths = {path[:-steplen] for path in field.queryset.values_list("path", flat=True)}
            parents = dict(Page.objects.filter(path__in=paths).values_list("path", "title"))
        field.label_from_instance = lambda page: page_label(page, parents)


class SharedFieldPanel(FieldPanel):
    """A field of `shared_fields`: editable on the English page, read-only (with the English value) on its
    translations, where PageFormInItsLanguage leaves it out of the form."""

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.bound_field is None and getattr(self.form, "shared_from_source", False):
                self.read_only = True
                self.heading = self.panel.heading or self.panel.db_field.verbose_name.capitalize()
                self.help_text = SET_ON_THE_SOURCE
