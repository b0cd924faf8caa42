"""What the search box knows from the start: abbreviations and other words people type (search synonyms), and
editors' picks for the queries a person looking for help types (Wagtail's promoted search results). Staff edit
both under Settings; seeding never changes or removes what they made."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from ..search.models import SearchSynonym

# Short names used in Cambodia for bodies the pages name in full, and the words the pages use for common ones.
SYNONYMS = [
    ("MoSVY", "Ministry of Social Affairs Veterans and Youth Rehabilitation"),
    ("MoI", "Ministry of Interior"),
    ("NCCT", "National Committee for Counter Trafficking"),
    ("CNCC", "National Council for Children"),
    ("CSAM", "child sexual abuse material"),
    ("donate", "give"),
    ("donation", "give"),
]
# query → the slugs of the pages it leads to, best first (in each language: the visitor's is shown).
PICKS = {
    "hotline": ["report-abuse"],
    "report": ["report-abuse"],
    "report abuse": ["report-abuse"],
    "help": ["get-help", "report-abuse"],
    "contact": ["contact"],
    "phone": ["contact", "report-abuse"],
    "email": ["contact"],
    "donate": ["ways-to-give"],
    "ខ្សែទូរស័ព្ទ": ["report-abuse"],  # "hotline", "phone line"
    "រាយការណ៍": ["report-abuse"],  # "report"
    "ជំនួយ": ["get-help", "report-abuse"],  # "help"
    "ទំនាក់ទំនង": ["contact"],  # "contact"
    "បរិច្ចាគ": ["ways-to-give"],  # "donate"
}


def seed_search(report):
    created = 0
    for term, means in SYNONYMS:
        created += SearchSynonym.objects.get_or_create(term=term, defaults={"means": means})[1]
    for query_string, slugs in PICKS.items():
        query = Query.objects.filter(query_string=query_string).first()
        if query is not None and query.editors_picks.exists():
            continue  # staff have set this query's picks: theirs stand
        query = query or Query.objects.create(query_string=query_string)
        order = 0
        for slug in slugs:
            for page in Page.objects.filter(slug=slug, depth__gt=2).order_by("locale__language_code"):
                SearchPromotion.objects.create(query=query, page=page, sort_order=order)
                order += 1
                created += 1
    report.lines.append(f"{'search':<9} search synonyms and editors' picks: {created} created")
