"""Helpers for load_initial_data: create or refresh seed pages by slug, never clobbering editors' work.

A page counts as "edited" once any of its revisions was saved by a person (the loader saves its own
revisions without a user). Edited pages are left exactly as they are and reported as kept."""

from dataclasses import dataclass, field

from wagtail.blocks import StreamValue
from wagtail.models import Page


@dataclass
class SeedReport:
    """What the loader did, line by line, so an operator can see what changed."""

    lines: list = field(default_factory=list)

    def add(self, action, page, detail=""):
        self.lines.append(f"{action:<9} {page.url_path}{'  (' + detail + ')' if detail else ''}")

    def count(self, action):
        return sum(1 for line in self.lines if line.startswith(action))


def edited_by_people(page):
    """True when an editor has saved this page since it was seeded."""
    return page.revisions.exclude(user=None).exists() or page.has_unpublished_changes


def _differs(page, fields):
    probe = type(page)(**fields)  # lets Django and Wagtail convert seed values exactly as on save
    return any(_comparable(getattr(page, name)) != _comparable(getattr(probe, name)) for name in fields)


def _comparable(value):
    # StreamField values compare by block types and values, ignoring their random block ids;
    # model instances by primary key.
    if isinstance(value, StreamValue):
        return [(child.block_type, child.block.get_prep_value(child.value)) for child in value]
    if hasattr(value, "pk"):
        return value.pk
    return value


def upsert_page(parent, model, slug, fields, report, relate=None):
    """Create the page `slug` under `parent`, or refresh it from `fields` if no person has edited it.

    `relate(page)` sets relations (inline rows, many-to-many links) before the revision is saved.
    Returns the page, specific, whatever happened to it."""
    existing = child(parent, model, slug)
    if existing is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        _publish(page, relate)
        report.add("created", page)
        return page
    return _refresh(existing, fields, report, relate)


def _refresh(existing, fields, report, relate=None):
    """Bring a seeded page back in line with `fields`, unless a person has edited it; returns it."""
    if edited_by_people(existing):
        report.add("kept", existing, "edited by an editor since it was seeded; not overwritten")
    elif _differs(existing, fields) or (relate and relate(existing, dry_run=True)):
        for name, value in fields.items():
            setattr(existing, name, value)
        _publish(existing, relate)
        report.add("updated", existing)
    else:
        report.add("unchanged", existing)
    return existing


def _publish(page, relate):
    if relate:
        relate(page, dry_run=False)
    page.save_revision(user=None, log_action=False).publish(user=None, log_action=False)


def ensure_tree_roots():
    """The default locale, root page and root collection that Wagtail's migrations normally create.

    Recreated if missing (e.g. after `flush`), so the loader also works on an emptied database."""
    from django.conf import settings

    from wagtail.models import Collection, Locale

    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=language_code)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", live=True))
    return Page.get_first_root_node()


def page_by_type(model):
    """The single page of a one-per-site type in the default language, or None."""
    from wagtail.models import Locale

    return model.objects.filter(locale=Locale.get_default()).first()


def home_page():
    from aple_site.models import HomePage

    return page_by_type(HomePage)


def ensure_site_root(root_page):
    """Point the default Site at the home page (replacing Wagtail's welcome page on a fresh database)."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=root_page, is_default_site=True, site_name="APLE")
    elif site.root_page_id != root_page.pk:
        site.root_page = root_page
        site.site_name = "APLE"
        site.save()
    welcome = Page.objects.filter(depth=2, slug="home").exclude(pk=root_page.pk).first()
    if welcome and welcome.specific_class is Page:
        welcome.delete()


def link_pages(**relations):
    """A `relate` for upsert_page that sets many-to-many page relations, e.g. link_pages(offices=[...])."""

    def relate(page, dry_run):
        changed = any(
            {p.pk for p in getattr(page, name).all()} != {p.pk for p in pages} for name, pages in relations.items()
        )
        if not dry_run:
            for name, pages in relations.items():
                getattr(page, name).set(pages)
        return changed

    return relate


def find(model, slug):
    """A seeded page in the default language by type (a model, or its "app_label.Model" label, so that one app's
    seed needs no import of another app) and slug; None if an editor deleted it."""
    from django.apps import apps

    from wagtail.models import Locale

    model = apps.get_model(model) if isinstance(model, str) else model
    return model.objects.filter(slug=slug, locale=Locale.get_default()).first()


def child(parent, model, slug):
    """The page `slug` of type `model` under `parent` (a section page an earlier step seeded), or None."""
    return model.objects.child_of(parent).filter(slug=slug).first()


def translate_page(page, locale, fields, report):
    """Create the `locale` translation of a seeded page from `fields`, or refresh it if no person has
    edited it. The parent must be translated first; fields not given keep the source page's values."""
    existing = page.get_translation_or_none(locale)
    if existing is None:
        translation = page.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(translation, name, value)
        _publish(translation, None)
        report.add("created", translation)
        return translation
    return _refresh(existing.specific, fields, report)
