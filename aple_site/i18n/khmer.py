"""Search for Khmer words, which full-text engines cannot find on their own.

Khmer is written without spaces between words, so PostgreSQL and SQLite see a whole Khmer phrase as one
"word" and never find a word inside it; stemming does not apply either. Each page therefore also indexes
every one-, two- and three-character sequence of its Khmer text as a plain ASCII term (`km` followed by
the characters' code points), and a Khmer query is turned into the sequences it contains, all of which
must be on the page. Any Khmer word that appears in a page is found, on every search backend."""

import re

from django.utils.html import strip_tags

KHMER_RUN = re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]+")
LONGEST = 3  # characters per term: long enough to be selective, short enough for two-letter words
# A query's terms are combined into one nested expression; PostgreSQL's backend builds it recursively, and a
# long Khmer query (170 characters: about 170 terms) exceeded Python's recursion limit. Terms spread evenly
# over the query select as well as all of them.
MAX_QUERY_TERMS = 24


def _term(characters):
    return "km" + "".join(str(ord(c)) for c in characters)


def khmer_terms(text):
    """The index terms for the Khmer in `text` (HTML tags ignored), as one space-separated string."""
    terms = set()
    for run in KHMER_RUN.findall(strip_tags(text)):
        for size in range(1, LONGEST + 1):
            terms.update(_term(run[i : i + size]) for i in range(len(run) - size + 1))
    return " ".join(sorted(terms))


def khmer_query(query):
    """(query with each Khmer run replaced by its longest terms, whether the query had Khmer)."""
    runs = KHMER_RUN.findall(query)
    if not runs:
        return query, False
    terms = []
    for run in runs:
        size = min(LONGEST, len(run))
        terms += [_term(run[i : i + size]) for i in range(len(run) - size + 1)]
    terms = list(dict.fromkeys(terms))
    if len(terms) > MAX_QUERY_TERMS:
        step = len(terms) / MAX_QUERY_TERMS
        terms = [terms[int(n * step)] for n in range(MAX_QUERY_TERMS)]
    words = KHMER_RUN.sub(" ", query).split()[:MAX_QUERY_TERMS]
    return " ".join(words + terms), True
