"""Which pages need a translator: English pages with no version in another language, and translations older than
their English page's latest published change."""

from dataclasses import dataclass

from django.conf import settings

from wagtail.models import Locale, Page


@dataclass
class TranslationTask:
    source: Page  # the English page
    translation: Page | None  # its version in `locale`, None when there is none
    locale: Locale

    @property
    def missing(self):
        return self.translation is None


def translation_tasks():
    """(missing, outdated) lists of TranslationTask for every other language, in page-tree order (two queries
    per language). Only live English pages count: a draft has nothing to translate yet."""
    default = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    sources = list(Page.objects.live().filter(locale=default, depth__gt=1).order_by("path"))
    missing, outdated = [], []
    for locale in Locale.objects.exclude(pk=default.pk).order_by("language_code"):
        translations = {
            page.translation_key: page
            for page in Page.objects.filter(locale=locale, translation_key__in=[s.translation_key for s in sources])
        }
        for source in sources:
            translation = translations.get(source.translation_key)
            if translation is None:
                missing.append(TranslationTask(source, None, locale))
            elif is_older(translation, source):
                outdated.append(TranslationTask(source, translation, locale))
    return missing, outdated


def is_older(translation, source):
    """True when the translation was last published before the source's latest published change (or never)."""
    if translation.last_published_at is None:
        return True
    return source.last_published_at is not None and translation.last_published_at < source.last_published_at
