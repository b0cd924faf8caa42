"""English seed content of 'Reports and publications' and 'Transparency'.

The sources give no reports or figures, so none is seeded: the library starts empty and the pages hide what is
empty. The one fact seeded is from APLE's own history: founded in Phnom Penh in 2003, registered as a local NGO
in 2014."""

PUBLICATIONS = {
    "title": "Reports and publications",
    "intro": "APLE's annual and impact reports, financial statements, research and guides, to read and download.",
    "listing_summary": "APLE's reports, financial statements, research and guides.",
    "show_in_menus": False,
}

TRANSPARENCY = {
    "title": "Transparency",
    "intro": "How APLE is registered and governed, and where to read its financial statements.",
    "registration": (
        "<p>APLE was founded in Phnom Penh in 2003 as a child-rights NGO. In 2014 it registered as a local "
        "Cambodian NGO, to reflect its Cambodian character.</p>"
    ),
    "listing_summary": "How APLE is registered and governed, and its financial statements.",
    "show_in_menus": False,
}
