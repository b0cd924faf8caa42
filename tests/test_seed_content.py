"""Every fact of APLE's account of its history is on the site as structured, linked content."""

import pytest

from history.models import MoUPage, PartnerPage, TimelineEventPage
from offices.models import OfficePage
from programs.models import ImpactFigure, ProgramIndexPage, ProgramPage, ProjectPage, StrategyPage

pytestmark = pytest.mark.django_db


def english(model):
    """The English pages of a type: the facts are checked there; test_i18n.py covers the Khmer versions."""
    return model.objects.filter(locale__language_code="en")


def event(slug):
    return english(TimelineEventPage).get(slug=slug)


def slugs(relation):
    return {page.slug for page in relation.all()}


def test_timeline_covers_every_dated_fact():
    years = sorted((e.year, e.category) for e in english(TimelineEventPage).live())
    assert years == [
        (2003, "founding"),
        (2005, "office"),
        (2005, "program"),
        (2006, "partnership"),
        (2007, "office"),
        (2009, "recognition"),
        (2010, "partnership"),
        (2014, "governance"),
        (2014, "governance"),
        (2016, "program"),
    ]
    assert all(e.date_precision == "year" for e in english(TimelineEventPage).all())  # the source gives years only


def test_events_link_what_they_concern():
    assert slugs(event("founded-in-phnom-penh").offices) == {"phnom-penh"}
    assert slugs(event("sihanoukville-office").offices) == {"sihanoukville"}
    assert slugs(event("social-support-begins").partners) == {"mlop-tapang"}
    assert slugs(event("siem-reap-office").offices) == {"siem-reap"}
    assert slugs(event("law-enforcement-working-group").partners) == {"ncct", "law-enforcement-working-group"}
    assert slugs(event("mou-interior-signed").mous) == {"mou-ministry-of-interior"}
    assert len(slugs(event("strategy-2016-2020").programs)) == 4
    assert "four core programs and nine projects" in event("restructure-2014").summary
    assert "local NGO" in event("local-ngo-2014").title


def test_offices_years_reasons_and_partner():
    offices = {o.slug: o for o in english(OfficePage).all()}
    assert {s: o.year_opened for s, o in offices.items()} == {
        "phnom-penh": 2003,
        "sihanoukville": 2005,
        "siem-reap": 2007,
    }
    assert "travelling" in offices["sihanoukville"].reason_opened
    assert "foreign visitors" in offices["siem-reap"].reason_opened
    assert slugs(offices["sihanoukville"].partners) == {"mlop-tapang"}
    for office in offices.values():  # the source gives no contact details: none are invented
        assert (office.address, office.phone, office.email, office.opening_hours) == ("", "", "", "")


def test_mous_and_partners():
    mous = {m.slug: m for m in english(MoUPage).select_related("counterpart")}
    assert {(m.counterpart.slug, m.signed_year, m.status) for m in mous.values()} == {
        ("ministry-of-interior", 2010, "active"),
        ("mosvy", 2006, "active"),
    }
    partners = {p.slug: p for p in english(PartnerPage).all()}
    assert {"ncct", "cncc", "mlop-tapang", "law-enforcement-working-group", "cambodian-national-police"} <= set(
        partners
    )
    assert partners["mlop-tapang"].since_year is None  # not given by the source
    assert "monitors and reports" in partners["law-enforcement-working-group"].how_we_work


def test_strategy_and_programs_without_invented_figures():
    strategy = english(StrategyPage).get()
    # It follows its period: current while 2016–2020 lasted, an earlier strategy after it.
    assert (strategy.start_year, strategy.end_year, strategy.status) == (2016, 2020, "by_period")
    titles = set(ProgramPage.objects.child_of(strategy).values_list("title", flat=True))
    assert titles == {"Criminal justice development", "Court support", "Community engagement", "Research and advocacy"}
    assert not ImpactFigure.objects.exists()
    assert not ProjectPage.objects.exists()  # the nine projects are not named by the source
    assert "four core programs and nine projects" in english(ProgramIndexPage).get().intro
    hotline = english(ProgramPage).get(slug="community-engagement")
    assert "anonymously" in hotline.summary
