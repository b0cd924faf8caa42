"""Seed content for the history section: partners, MoUs and the timeline, in the project's own words.

Facts come only from APLE's account of its history and its published MoU years and partnerships; where
the source gives no date or detail, the field stays empty."""

HISTORY_INDEX = {
    "title": "Our history",
    "intro": (
        "APLE started in 2003 as a small team in Phnom Penh helping the police investigate child sexual abuse. "
        "As abuse and exploitation changed, in Cambodia and worldwide, APLE changed with them: new offices, "
        "new services, new partnerships. These are the moments that shaped it."
    ),
    "listing_summary": "How APLE grew from one team in Phnom Penh into a national child-protection organisation.",
    "show_in_menus": True,
}

PARTNER_INDEX = {
    "title": "Our partners",
    "intro": (
        "APLE does not work alone. Government bodies, working groups and partner NGOs make it possible to "
        "investigate abuse, bring cases to court and support children and families."
    ),
    "listing_summary": "The government bodies, working groups and NGOs APLE works with.",
    "show_in_menus": True,
}

MOU_INDEX = {
    "title": "Agreements with the government",
    "intro": (
        "APLE works under two memorandums of understanding (MoUs) with Cambodian ministries. They let APLE, "
        "law enforcement agencies and social services work together on cases and on support for victims."
    ),
    "listing_summary": "The MoUs under which APLE works with Cambodian ministries.",
    "show_in_menus": False,
}

# slug: fields, and the offices and programs the partner works with (slugs of offices/seed/en.py and
# programs/seed/en.py). `since_year` only where the source gives it.
PARTNERS = {
    "ministry-of-interior": {
        "title": "Ministry of Interior",
        "kind": "government",
        "since_year": 2010,
        "how_we_work": (
            "<p>APLE's MoU with the Ministry of Interior, signed in 2010, frames its work with the Cambodian "
            "National Police and their Anti-Human Trafficking and Juvenile Protection units.</p>"
        ),
        "programs": ["criminal-justice-development"],
    },
    "mosvy": {
        "title": "Ministry of Social Affairs, Veterans and Youth Rehabilitation",
        "kind": "government",
        "since_year": 2006,
        "how_we_work": (
            "<p>APLE signed an MoU with the Ministry of Social Affairs, Veterans and Youth Rehabilitation in "
            "2006. With its MoU with the Ministry of Interior, it lets APLE bring agencies together on law "
            "enforcement and on support services for victims.</p>"
        ),
    },
    "cambodian-national-police": {
        "title": "Cambodian National Police",
        "kind": "government",
        "since_year": 2003,
        "how_we_work": (
            "<p>From its first days in 2003, APLE helped the police investigate street-based child sexual "
            "abuse and exploitation. Today this work runs under APLE's MoU with the Ministry of Interior, "
            "with the police's Anti-Human Trafficking and Juvenile Protection units.</p>"
        ),
        "offices": ["phnom-penh"],
        "programs": ["criminal-justice-development"],
    },
    "ncct": {
        "title": "National Committee for Counter Trafficking (NCCT)",
        "kind": "government",
        "since_year": None,
        "how_we_work": (
            "<p>APLE works closely with the NCCT. In 2009 the committee elected APLE as a co-vice-chair of "
            "the Law Enforcement Working Group.</p>"
        ),
        "programs": ["research-and-advocacy"],
    },
    "cncc": {
        "title": "Cambodian National Council for Children (CNCC)",
        "kind": "government",
        "since_year": None,
        "how_we_work": "<p>APLE works closely with the CNCC, alongside its formal MoUs with the government.</p>",
    },
    "law-enforcement-working-group": {
        "title": "Law Enforcement Working Group",
        "kind": "network",
        "since_year": 2009,
        "how_we_work": (
            "<p>A joint initiative of government and civil society organisations. It monitors and reports on "
            "changes in the kinds of crime, in how offenders operate, and in what makes trafficking and "
            "sexual abuse and exploitation possible. APLE has been a co-vice-chair since 2009, elected by "
            "the National Committee for Counter Trafficking.</p>"
        ),
        "programs": ["criminal-justice-development", "research-and-advocacy"],
    },
    "mlop-tapang": {
        "title": "M’Lop Tapang",
        "kind": "ngo",
        "since_year": None,
        "how_we_work": (
            "<p>A partner NGO in Sihanoukville. APLE's social support for children and families affected by "
            "sexual abuse and exploitation is delivered together with partner NGOs such as M’Lop Tapang.</p>"
        ),
        "offices": ["sihanoukville"],
    },
}

MOUS = {
    "mou-ministry-of-interior": {
        "title": "MoU with the Ministry of Interior",
        "counterpart": "ministry-of-interior",
        "signed_year": 2010,
        "purpose": (
            "Frames APLE's work with the Cambodian National Police and their Anti-Human Trafficking and "
            "Juvenile Protection units, and strengthens cooperation between agencies on law enforcement."
        ),
    },
    "mou-mosvy": {
        "title": "MoU with the Ministry of Social Affairs, Veterans and Youth Rehabilitation",
        "counterpart": "mosvy",
        "signed_year": 2006,
        "purpose": (
            "One of APLE's two MoUs with the government. Together they let APLE strengthen cooperation between "
            "agencies on law enforcement and on support services for victims."
        ),
    },
}

# slug: fields and links. Office and program slugs are those of offices/seed/en.py and programs/seed/en.py.
EVENTS = {
    "founded-in-phnom-penh": {
        "title": "APLE is founded in Phnom Penh",
        "year": 2003,
        "category": "founding",
        "summary": (
            "Action Pour Les Enfants is set up in Phnom Penh as a child-rights organisation. It helps the police "
            "investigate child sexual abuse and exploitation on the streets, and gives victims and their "
            "families legal support free of charge."
        ),
        "offices": ["phnom-penh"],
        "partners": ["cambodian-national-police"],
    },
    "sihanoukville-office": {
        "title": "An office opens in Sihanoukville",
        "year": 2005,
        "category": "office",
        "summary": (
            "Suspected child sexual abuse was rising in the coastal town, often by offenders travelling there, "
            "so APLE opened its second office in Sihanoukville."
        ),
        "offices": ["sihanoukville"],
    },
    "social-support-begins": {
        "title": "Social support for survivors begins",
        "year": 2005,
        "category": "program",
        "summary": (
            "Seeing that Cambodia lacked complete services for those affected by child sexual abuse and "
            "exploitation, APLE began offering social support. It was well received and is still delivered "
            "with partner NGOs such as M’Lop Tapang in Sihanoukville."
        ),
        "offices": ["sihanoukville"],
        "partners": ["mlop-tapang"],
    },
    "mou-mosvy-signed": {
        "title": "MoU signed with the Ministry of Social Affairs",
        "year": 2006,
        "category": "partnership",
        "summary": "APLE signs an MoU with the Ministry of Social Affairs, Veterans and Youth Rehabilitation.",
        "partners": ["mosvy"],
        "mous": ["mou-mosvy"],
    },
    "siem-reap-office": {
        "title": "A third office opens in Siem Reap",
        "year": 2007,
        "category": "office",
        "summary": (
            "Concerned about a growing flow of foreign visitors, poverty, little schooling and vulnerable "
            "children, APLE opened its third office, in Siem Reap."
        ),
        "offices": ["siem-reap"],
    },
    "law-enforcement-working-group": {
        "title": "Co-vice-chair of the Law Enforcement Working Group",
        "year": 2009,
        "category": "recognition",
        "summary": (
            "The National Committee for Counter Trafficking elects APLE as a co-vice-chair of the Law "
            "Enforcement Working Group, a joint initiative of government and civil society."
        ),
        "partners": ["ncct", "law-enforcement-working-group"],
    },
    "mou-interior-signed": {
        "title": "MoU signed with the Ministry of Interior",
        "year": 2010,
        "category": "partnership",
        "summary": (
            "APLE signs an MoU with the Ministry of Interior, framing its work with the Cambodian National "
            "Police and their Anti-Human Trafficking and Juvenile Protection units."
        ),
        "partners": ["ministry-of-interior", "cambodian-national-police"],
        "mous": ["mou-ministry-of-interior"],
    },
    "restructure-2014": {
        "title": "Restructured into a child-protection portfolio",
        "year": 2014,
        "category": "governance",
        "summary": (
            "To work as efficiently as possible, APLE reorganised its activities into a child-protection "
            "portfolio of four core programs and nine projects."
        ),
    },
    "local-ngo-2014": {
        "title": "Registered as a local NGO",
        "year": 2014,
        "category": "governance",
        "summary": "APLE registers as a local NGO, reflecting that it is a Cambodian organisation.",
    },
    "strategy-2016-2020": {
        "title": "The 2016–2020 strategy",
        "year": 2016,
        "category": "program",
        "summary": (
            "As abuse and exploitation trends shift, APLE's strategy for 2016–2020 concentrates on four "
            "connected programs that tackle child sexual abuse and exploitation as a whole: criminal justice "
            "development, court support, community engagement, and research and advocacy."
        ),
        "programs": [
            "criminal-justice-development",
            "court-support",
            "community-engagement",
            "research-and-advocacy",
        ],
    },
}
