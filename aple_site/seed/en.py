"""Seed content for the site-wide pages, written in the project's own words from APLE's account of its
history. Facts only from that account and APLE's published vision and mission; nothing invented."""

from django.utils.translation import gettext_noop

HOME = {
    "title": "Protecting Cambodia's children",
    "seo_title": "APLE Cambodia: Action Pour Les Enfants",
    "mission": (
        "We strengthen Cambodia's social and legal systems so that they protect children at risk of, "
        "or affected by, sexual abuse and exploitation."
    ),
    "vision": (
        "Every child safe from sexual abuse and exploitation, in communities with strong social and legal justice."
    ),
    "what_we_do": (
        "<p>Action Pour Les Enfants (APLE) is a Cambodian child-rights organisation, founded in Phnom Penh "
        "in 2003. It began by helping the police investigate child sexual abuse and exploitation on the "
        "streets, and by giving victims and their families legal support free of charge.</p>"
        "<p>Since then APLE has opened offices in Sihanoukville and Siem Reap, added social support for "
        "survivors, and brought its work together in four connected programs: criminal justice "
        "development, court support, community engagement, and research and advocacy.</p>"
    ),
    "listing_summary": (
        "APLE is a Cambodian organisation that protects children from sexual abuse and exploitation, "
        "working with the police, the courts, communities and partner organisations since 2003."
    ),
    "donate_heading": "Support our work",
    "donate_text": (
        "Your gift helps children who have survived sexual abuse and exploitation get justice and support."
    ),
    "show_in_menus": False,
}

ABOUT = {
    "title": "About APLE",
    "intro": (
        "APLE is a child-rights organisation that has worked in Cambodia since 2003 against child sexual "
        "abuse and exploitation."
    ),
    "listing_summary": "Who we are, how we started, and how we work with government and civil society.",
    "show_in_menus": True,
}

ABOUT_BODY = [
    ("heading", {"text": "Who we are", "level": "h2"}),
    (
        "paragraph",
        "<p>Action Pour Les Enfants was set up in Phnom Penh in 2003 as a child-rights organisation. In "
        "2014 it registered as a local NGO, to reflect that it is a Cambodian organisation through and "
        "through.</p>",
    ),
    ("heading", {"text": "How we work", "level": "h2"}),
    (
        "paragraph",
        "<p>We work hand in hand with the Cambodian authorities. Two memorandums of understanding, with the "
        "Ministry of Interior and with the Ministry of Social Affairs, Veterans and Youth Rehabilitation, "
        "let us bring law enforcement agencies, social services and civil society together around each "
        "case. Social support for survivors is delivered with partner NGOs such as M’Lop Tapang in "
        "Sihanoukville.</p>",
    ),
    ("heading", {"text": "Adapting to new risks", "level": "h2"}),
    (
        "paragraph",
        "<p>The ways children are abused and exploited keep changing, in Cambodia and worldwide. APLE "
        "changes with them, so that its response matches the risks children face today.</p>",
    ),
]

PRIVACY_NOTICE = {
    "title": "Privacy notice",
    "intro": (
        "This website keeps as little about you as it can. The table below is everything it keeps: what, why, "
        "who can read it, and when it is deleted."
    ),
    "listing_summary": "What this website keeps about visitors, who can read it, and for how long.",
    "show_in_menus": False,
}

COOKIE_POLICY = {
    "title": "Cookie policy",
    "intro": (
        "This website uses only the cookies it needs to work, unless you allow more. Optional cookies, for "
        "anonymous statistics and for maps or videos from other websites, are used only after you say yes, "
        "and you can withdraw that at any time. The tables below list every cookie this site sets."
    ),
    "listing_summary": "Which cookies this website uses, why, for how long, and how to change your choices.",
    "show_in_menus": False,
}

# Site settings, seeded only into empty fields (staff changes are kept). The help numbers and the address come
# from APLE's public pages (2025) and are safety-critical: the before-launch checklist asks staff to confirm
# each one. The footer text is written per language: the Khmer one is seeded from the catalogue's translation of
# the English wording (gettext_noop marks it for the catalogue).
SETTINGS = {
    "hotline_phone": "092 311 511",
    "emergency_phone": "1288",
    "contact_email": "info@aplecambodia.org",
    "footer_text": gettext_noop(
        "Action Pour Les Enfants (APLE) is a Cambodian non-governmental organisation protecting children "
        "from sexual abuse and exploitation since 2003."
    ),
}

# (section page model label, heading, text) — the home page's "Find out more" cards.
PATHWAYS = [
    (
        "history.HistoryIndexPage",
        "Our history",
        "How APLE grew from one team in Phnom Penh into a national organisation.",
    ),
    (
        "offices.OfficeIndexPage",
        "Where we work",
        "Our offices in Phnom Penh, Sihanoukville and Siem Reap, and why each opened.",
    ),
    (
        "programs.ProgramIndexPage",
        "Our work",
        "The programs donors support: justice, court support, communities, research.",
    ),
]
