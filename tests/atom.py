"""A checker for the rules RFC 4287 (the Atom Syndication Format) states with MUST, for the elements a feed of news
uses: what a feed reader relies on. Returns the problems found; an empty list means the document is valid Atom.

Written for these tests (no Atom validator is packaged for Python); each rule names its section of the RFC."""

import re
from datetime import datetime
from urllib.parse import urlsplit

from lxml import etree

ATOM = "http://www.w3.org/2005/Atom"
A = f"{{{ATOM}}}"
# RFC 3339 date-time (section 3.3): full date, "T", full time, and a time zone offset or Z.
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
TEXT_TYPES = {None, "text", "html", "xhtml"}


def atom_problems(document):
    try:
        root = etree.fromstring(document)
    except etree.XMLSyntaxError as error:
        return [f"not well-formed XML: {error}"]
    problems = []
    if root.tag != f"{A}feed":
        return [f"the root element is {root.tag}, not atom:feed (4.1.1)"]
    problems += _container(root, "feed", problems_for_author=True)
    entries = root.findall(f"{A}entry")
    feed_has_author = bool(root.findall(f"{A}author"))
    ids = []
    for number, entry in enumerate(entries, 1):
        where = f"entry {number}"
        problems += _container(entry, where, problems_for_author=False)
        if not feed_has_author and not entry.findall(f"{A}author"):
            problems.append(f"{where}: no atom:author, and the feed has none (4.1.1, 4.1.2)")
        has_alternate = any(link.get("rel", "alternate") == "alternate" for link in entry.findall(f"{A}link"))
        if not entry.findall(f"{A}content") and not has_alternate:
            problems.append(f"{where}: neither atom:content nor an alternate link (4.1.2)")
        for summary in entry.findall(f"{A}summary"):
            problems += _text_construct(summary, f"{where}/summary")
        if len(entry.findall(f"{A}summary")) > 1:
            problems.append(f"{where}: more than one atom:summary (4.1.2)")
        ids += [element.text for element in entry.findall(f"{A}id")]
    if len(ids) != len(set(ids)):
        problems.append("two entries share an atom:id (4.1.1)")
    return problems


def _container(element, where, problems_for_author):
    problems = []
    for name in ("id", "title", "updated"):
        found = element.findall(f"{A}{name}")
        if len(found) != 1:
            problems.append(f"{where}: {len(found)} atom:{name} elements, exactly one is required (4.1.1/4.1.2)")
    for identifier in element.findall(f"{A}id"):
        if not _is_iri(identifier.text):
            problems.append(f"{where}: atom:id {identifier.text!r} is not an absolute IRI (4.2.6)")
    for title in element.findall(f"{A}title"):
        problems += _text_construct(title, f"{where}/title")
    for updated in element.findall(f"{A}updated"):
        if not _is_date_time(updated.text):
            problems.append(f"{where}: atom:updated {updated.text!r} is not an RFC 3339 date-time (3.3)")
    for published in element.findall(f"{A}published"):
        if not _is_date_time(published.text):
            problems.append(f"{where}: atom:published {published.text!r} is not an RFC 3339 date-time (3.3)")
    alternates = set()
    for link in element.findall(f"{A}link"):
        href = link.get("href")
        if not href:
            problems.append(f"{where}: an atom:link without href (4.2.7.1)")
        if link.get("rel", "alternate") == "alternate":
            key = (link.get("type"), link.get("hreflang"))
            if key in alternates:
                problems.append(f"{where}: two alternate links with the same type and hreflang (4.1.1)")
            alternates.add(key)
    for author in element.findall(f"{A}author"):
        if len(author.findall(f"{A}name")) != 1:
            problems.append(f"{where}: an atom:author without exactly one atom:name (3.2.1)")
    if problems_for_author and element.tag == f"{A}feed":
        selfs = [link for link in element.findall(f"{A}link") if link.get("rel") == "self"]
        if len(selfs) != 1:
            problems.append(f"{where}: {len(selfs)} rel=self links; a feed SHOULD have one (4.2.7.2)")
    return problems


def _text_construct(element, where):
    kind = element.get("type")
    problems = [] if kind in TEXT_TYPES else [f"{where}: type {kind!r} is not text, html or xhtml (3.1.1)"]
    if kind in (None, "text", "html") and len(element):
        problems.append(f"{where}: a {kind or 'text'} construct holds child elements (3.1.1)")
    return problems


def _is_iri(value):
    parts = urlsplit(value or "")
    return bool(parts.scheme) and (bool(parts.netloc) or parts.scheme in ("urn", "tag"))


def _is_date_time(value):
    if not value or not DATE_TIME.match(value):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True
