"""English and Khmer: each page in the visitor's language, and the links between the two versions.

Pages are translated with wagtail.contrib.simple_translation: a translation is a copy of the English page
in the Khmer tree, so its links to other pages (an event's partners, a program's offices) still point at
the English pages. in_active_language() turns any set of pages into the versions in the visitor's
language, so relations resolve to Khmer pages on Khmer pages whatever the editor's copy points at."""

from django.conf import settings
from django.db.models import F, Q, QuerySet

from wagtail.models import Locale, Page, Site

from ..caching.version import cached
from .languages import active_language


def in_active_language(pages, *ordering):
    """One live page per translation among `pages` (a queryset, or the in-memory pages of a relation in an
    admin preview): its version in the visitor's language if that is live, else the default language's.

    One query; returns a list in `ordering`."""
    keys = pages.values("translation_key") if isinstance(pages, QuerySet) else [p.translation_key for p in pages]
    language = active_language()
    candidates = list(
        pages.model.objects.live()
        .filter(translation_key__in=keys, locale__language_code__in={language, settings.LANGUAGE_CODE})
        .annotate(language=F("locale__language_code"))
        .order_by(*ordering)
    )
    translated = {page.translation_key for page in candidates if page.language == language}
    return [page for page in candidates if page.language == language or page.translation_key not in translated]


def _locale_codes():
    """{locale id: language code}, cached until content changes (locales are content)."""
    return cached("locale-codes", lambda: dict(Locale.objects.values_list("pk", "language_code")))


def language_of(page):
    """The language code of `page`'s locale, without a query per page."""
    return _locale_codes()[page.locale_id]


def locale_id_of(language):
    """The id of the Locale of `language` (e.g. for a search filter), without a query."""
    return next(pk for pk, code in _locale_codes().items() if code == language)


def in_language_or_default(queryset, language):
    """The pages of `queryset` in `language`, and the default language's pages that have no live version in it
    (e.g. a report published in English only, listed on a Khmer page). A queryset, so it can still be filtered,
    counted and paginated in the database."""
    default = settings.LANGUAGE_CODE
    if language == default:
        return queryset.filter(locale__language_code=default)
    translated = queryset.model.objects.live().filter(locale__language_code=language).values("translation_key")
    return queryset.filter(
        Q(locale__language_code=language) | (Q(locale__language_code=default) & ~Q(translation_key__in=translated))
    )


def linked_to(model, relation, page):
    """Pages of `model` whose `relation` names `page` in any language, e.g. the events of a partner."""
    return model.objects.filter(**{f"{relation}__translation_key": page.translation_key}).distinct()


def pages_naming(page, related_name, relation, *ordering):
    """The live pages, in the visitor's language, whose `relation` names `page` in any language, read through the
    reverse accessor `related_name` (e.g. the news about a program: pages_naming(program, "news", "programs")).
    An empty list when that app is not installed or the page was never saved (a preview)."""
    if page.pk is None or not hasattr(page, related_name):
        return []
    return in_active_language(linked_to(getattr(page, related_name).model, relation, page), *ordering)


def localized_root(site):
    """The site's home page in the visitor's language (the default language's if untranslated), specific,
    cached until content changes."""
    language = active_language()

    def build():
        homes = Page.objects.live().filter(translation_key=site.root_page.translation_key)
        home = homes.filter(locale__language_code=language).first() or site.root_page
        return home.specific

    return cached(f"home:{site.pk}:{language}", build)


def localized_home(request):
    """The home page of the request's site in the visitor's language, or None: looked up once per request,
    however many parts of the page (routing, menu, footer links) ask for it."""
    if not hasattr(request, "aple_localized_home"):
        site = Site.find_for_request(request)
        request.aple_localized_home = localized_root(site) if site else None
    return request.aple_localized_home


def language_versions(page, request):
    """[{code, name, url, full_url, translated}] for every language: the page's live translation in it, or
    that language's home page (translated=False). Cached until content changes."""
    site = Site.find_for_request(request)

    def build():
        translations = {
            p.locale.language_code: p for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
        homes = {
            p.locale.language_code: p
            for p in Page.objects.live()
            .filter(translation_key=site.root_page.translation_key)
            .select_related("locale")
        }
        versions = []
        for code, name in settings.LANGUAGES:
            target = translations.get(code) or homes.get(code)
            if target is not None:
                versions.append(
                    {
                        "code": code,
                        "name": name,
                        "url": target.get_url(request),
                        "full_url": target.get_full_url(request),
                        "translated": code in translations,
                    }
                )
        return versions

    return cached(f"languages:{site.pk}:{page.pk}", build)
