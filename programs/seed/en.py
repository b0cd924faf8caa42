"""Seed content for the programs section: the 2016–2020 strategy and its four programs.

The source names the four programs and says the 2014 portfolio had four core programs and nine projects,
without naming them: no projects and no impact figures are invented; the templates show nothing for them."""

INDEX = {
    "title": "Our work",
    "intro": (
        "APLE tackles child sexual abuse and exploitation from several sides at once: justice, the courts, "
        "communities, and research and advocacy. In 2014 it reorganised its activities into a child-protection "
        "portfolio of four core programs and nine projects; its 2016–2020 strategy built on that."
    ),
    "listing_summary": "The programs through which APLE protects children, and how donors can support them.",
    "show_in_menus": True,
}

STRATEGY = {
    "title": "Strategy 2016–2020",
    "start_year": 2016,
    "end_year": 2020,
    "status": "by_period",  # so it is shown as current only while 2016–2020 lasted
    "intro": "Four connected programs that tackle child sexual abuse and exploitation as a whole.",
    "overview": (
        "<p>Child sexual abuse and exploitation keep changing, in Cambodia and worldwide, and so do the risks "
        "children face. APLE's strategy for 2016 to 2020 concentrated its work on four interconnected programs, "
        "so that each strengthens the others: criminal justice development, court support, community "
        "engagement, and research and advocacy.</p>"
    ),
}

PROGRAMS = {
    "criminal-justice-development": {
        "title": "Criminal justice development",
        "summary": (
            "Helping Cambodia's justice system respond to child sexual abuse and exploitation, building on "
            "APLE's work with the police since 2003."
        ),
        "approach": (
            "<p>APLE began by helping the police investigate street-based child sexual abuse and exploitation. "
            "Its MoU with the Ministry of Interior frames this work with the Cambodian National Police and "
            "their Anti-Human Trafficking and Juvenile Protection units.</p>"
        ),
    },
    "court-support": {
        "title": "Court support",
        "summary": "Standing by children and their families when a case of sexual abuse or exploitation goes to court.",
        "approach": (
            "<p>From its founding in 2003, APLE gave children who were victims, and their families, legal "
            "support free of charge.</p>"
        ),
    },
    "community-engagement": {
        "title": "Community engagement",
        "summary": (
            "Spreading knowledge on preventing child sexual abuse through key community members, an informant "
            "network, and hotlines where anyone can report abuse anonymously."
        ),
        "approach": (
            "<p>The program works through key people in communities and a network of informants, and runs "
            "phone and internet hotlines where the public can report abuse without giving their name.</p>"
        ),
    },
    "research-and-advocacy": {
        "title": "Research and advocacy",
        "summary": (
            "Following how child sexual abuse and exploitation change, and using that knowledge to strengthen "
            "the systems that protect children."
        ),
        "approach": (
            "<p>As trends shift in Cambodia and worldwide, APLE adapts its response to the risks children face. "
            "Through the Law Enforcement Working Group it helps monitor and report on changes in crimes, in how "
            "offenders operate, and in what makes abuse possible.</p>"
        ),
    },
}
