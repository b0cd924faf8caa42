"""English seed content of 'Ways to give'.

The sources give no amounts, provider addresses or bank details, so none is seeded: the donation rows and the
bank transfer settings start empty and the page hides them."""

WAYS_TO_GIVE = {
    "title": "Ways to give",
    "intro": (
        "A gift supports APLE's work against child sexual abuse and exploitation in Cambodia: helping the justice "
        "system respond, standing by children and their families through court cases, and helping communities "
        "prevent abuse and report it."
    ),
    "listing_summary": "How to support APLE's work for children in Cambodia.",
    "show_in_menus": False,
}
