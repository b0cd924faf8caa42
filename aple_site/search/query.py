"""How the words typed into the search box become a search.

- Words repeat nothing: a word typed twice counts once, and at most MAX_WORDS different words are read (a long
  paste is still answered, quickly).
- Each English word finds its other forms (its stem, aple_site/search/terms.py).
- A word or phrase staff listed as a synonym also finds what the pages call it (SearchSynonym).
- A word the site never uses, one or two letters away from one it does ("sihanukville"), is searched as that
  word too: the site's own words are the vocabulary (the titles and summaries of its pages, per language), so the
  answer is the same on SQLite and PostgreSQL.
- Khmer runs become the terms of aple_site/i18n/khmer.py, all of which must be on the page.

The answer is a query object of Wagtail's search (And, Or, PlainText), which both database backends run."""

import difflib

from wagtail.search.query import And, Or, PlainText

from ..caching.version import cached
from ..i18n.khmer import KHMER_RUN, khmer_query
from .terms import latin_words, stem_term

MAX_WORDS = 12
SHORTEST_CORRECTED = 4  # shorter words have too many neighbours one letter away
CLOSENESS = 0.8  # difflib's ratio: "sihanukville" / "sihanoukville" is 0.96, "court" / "count" 0.8


def synonyms():
    """{words people type (a tuple): the words the pages use}, cached until content changes."""
    from .models import SearchSynonym

    def build():
        return {
            tuple(latin_words(term)): latin_words(means)
            for term, means in SearchSynonym.objects.values_list("term", "means")
        }

    return cached("search-synonyms", build)


def vocabulary(locale_id):
    """The Latin-script words of the titles and summaries of the live pages in a language, cached until content
    changes: what a misspelt word is corrected to."""
    from wagtail.models import Page

    def build():
        words = set()
        texts = Page.objects.live().filter(locale_id=locale_id).values_list("title", "search_description")
        for title, description in texts:
            words.update(latin_words(f"{title} {description}"))
        return frozenset(word for word in words if len(word) >= SHORTEST_CORRECTED and not word.isdigit())

    return cached(f"search-vocabulary:{locale_id}", build)


def correction(word, words):
    """The site's word closest to `word` when the site never uses `word` itself, else None."""
    if len(word) < SHORTEST_CORRECTED or word.isdigit() or word in words:
        return None
    stem = stem_term(word)
    if any(stem_term(known) == stem for known in words if known[:3] == word[:3]):
        return None  # another form of a word the site uses ("offices" for "office")
    close = difflib.get_close_matches(word, words, n=1, cutoff=CLOSENESS)
    return close[0] if close else None


def _word(word):
    """A typed word: itself, or another form of it."""
    return Or([PlainText(word), PlainText(stem_term(word))])


def _all_of(words):
    clauses = [_word(word) for word in words]
    return clauses[0] if len(clauses) == 1 else And(clauses)


def english_clauses(words, known, corrections):
    """One clause per typed word; where a run of words is a listed synonym, one clause for the run that finds
    either the typed words or what they mean (longest synonyms first); a misspelt word also finds its correction."""
    longest = max((len(term) for term in known), default=0)
    clauses, position = [], 0
    while position < len(words):
        for size in range(min(longest, len(words) - position), 0, -1):
            run = tuple(words[position : position + size])
            if run in known:
                clauses.append(Or([_all_of(run), _all_of(known[run])]))
                position += size
                break
        else:
            word = words[position]
            fixed = corrections.get(word)
            clauses.append(Or([_word(word), _word(fixed)]) if fixed else _word(word))
            position += 1
    return clauses


class Search:
    """What the typed text is searched as: `query` (a Wagtail search query, None when nothing searchable is left)
    and `corrections` ({typed word: the site's word also searched}) for the results page to say."""

    def __init__(self, query, corrections):
        self.query, self.corrections = query, corrections


def build_query(text, locale_id=None, known=None, words_of_the_site=None):
    """The Search for `text`, already cleaned of query syntax."""
    words = list(dict.fromkeys(latin_words(KHMER_RUN.sub(" ", text))))[:MAX_WORDS]
    known = synonyms() if known is None else known
    if words_of_the_site is None:
        words_of_the_site = vocabulary(locale_id) if locale_id is not None and words else frozenset()
    synonym_words = {word for term in known for word in term}
    corrections = {}
    for word in words:
        if word not in synonym_words and (fixed := correction(word, words_of_the_site)):
            corrections[word] = fixed
    return Search(_query(text, words, known, corrections), corrections)


def _query(text, words, known, corrections):
    clauses = english_clauses(words, known, corrections)
    if KHMER_RUN.search(text):
        terms, _ = khmer_query(" ".join(KHMER_RUN.findall(text)))
        clauses.append(And([PlainText(term) for term in terms.split()]))
        # A Khmer search asks for all of its terms and every typed word: a mixed query narrows.
        return clauses[0] if len(clauses) == 1 else And(clauses)
    if not clauses:
        return None
    # Any of the words may match; pages with more of them rank first.
    return clauses[0] if len(clauses) == 1 else Or(clauses)
