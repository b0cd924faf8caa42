"""Seed content for the offices section.

Years and reasons come from APLE's account of its history. Positions are the city centres (public
geography, not an office address); no address, phone, e-mail or opening hours are given by the source,
so those stay empty."""

from decimal import Decimal

INDEX = {
    "title": "Where we work",
    "intro": (
        "APLE has teams in Phnom Penh, Sihanoukville and Siem Reap. Each office opened for a reason: where "
        "children were at risk, APLE went."
    ),
    "listing_summary": "APLE's offices in Phnom Penh, Sihanoukville and Siem Reap, and why each opened.",
    "show_in_menus": True,
}

OFFICES = {
    "phnom-penh": {
        "title": "Phnom Penh",
        "city": "Phnom Penh",
        "province": "Phnom Penh",
        "year_opened": 2003,
        "reason_opened": (
            "APLE was founded in Phnom Penh in 2003, to help the police investigate child sexual abuse and "
            "exploitation on the city's streets and to give victims and their families free legal support."
        ),
        "latitude": Decimal("11.55640"),
        "longitude": Decimal("104.92820"),
    },
    "sihanoukville": {
        "title": "Sihanoukville",
        "city": "Sihanoukville",
        "province": "Preah Sihanouk",
        "year_opened": 2005,
        "reason_opened": (
            "Suspected child sexual abuse was increasing in this coastal town, often committed by offenders "
            "travelling there. APLE opened an office in 2005 to respond."
        ),
        "team_work": (
            "Social support for children and families affected by sexual abuse and exploitation is delivered "
            "here together with partner NGOs such as M’Lop Tapang."
        ),
        "latitude": Decimal("10.60930"),
        "longitude": Decimal("103.52960"),
    },
    "siem-reap": {
        "title": "Siem Reap",
        "city": "Siem Reap",
        "province": "Siem Reap",
        "year_opened": 2007,
        "reason_opened": (
            "APLE opened its third office here in 2007, concerned about a growing flow of foreign visitors, "
            "poverty, little schooling and vulnerable children."
        ),
        "latitude": Decimal("13.36710"),
        "longitude": Decimal("103.84480"),
    },
}
