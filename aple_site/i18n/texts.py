"""Texts written per language in models that are not pages (site settings, cookie groups).

Such a model has the English text in `<name>` and the Khmer one in `<name>_km`. A language's own text wins;
without one, the English text is shown, translated by the interface's catalogue when it is seeded wording
(locale/km/LC_MESSAGES/django.po) and as written otherwise."""

from django.conf import settings
from django.utils.translation import get_language, gettext


def in_language(obj, name, language=None):
    """The text `name` of `obj` for `language` (default: the active one)."""
    language = language or get_language() or settings.LANGUAGE_CODE
    english = getattr(obj, name) or ""
    if language == settings.LANGUAGE_CODE:
        return english
    return getattr(obj, f"{name}_{language}", "") or (gettext(english) if english else "")
