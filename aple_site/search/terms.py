"""The index terms a page adds to its own words, so that a search finds other forms of a word.

English: the stem of every word (Snowball's English stemmer), as a term of its own (`sx` + stem), so that
"hotline" finds "hotlines" and "trafficking" finds "traffick": the same terms on SQLite and PostgreSQL,
whatever text-search configuration the database has. Khmer: the terms of aple_site/i18n/khmer.py."""

import functools
import re
import threading

from django.utils.html import strip_tags

import snowballstemmer

from ..i18n.khmer import khmer_terms

LATIN_WORD = re.compile(r"[a-z0-9]+")
STEM_PREFIX = "sx"  # no English word starts so; keeps stems apart from the page's own words
_stemmers = threading.local()  # a Snowball stemmer keeps state between calls: one per thread


def latin_words(text):
    """The Latin-script words of `text`, lower case, without one-letter words (the "s" of "APLE's")."""
    return [word for word in LATIN_WORD.findall(text.lower()) if len(word) > 1]


@functools.lru_cache(maxsize=50_000)
def stem_term(word):
    stemmer = getattr(_stemmers, "english", None)
    if stemmer is None:
        stemmer = _stemmers.english = snowballstemmer.stemmer("english")
    return STEM_PREFIX + stemmer.stemWord(word)


def english_terms(text):
    return " ".join(sorted({stem_term(word) for word in latin_words(strip_tags(text)) if not word.isdigit()}))


def index_terms(text):
    """Everything the index holds for `text` beyond its own words."""
    return " ".join(part for part in (english_terms(text), khmer_terms(text)) if part)
