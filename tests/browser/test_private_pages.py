"""A page an editor protects with a password, as a visitor meets it in Chromium: the site's own password page
(nothing of the page shows), a wrong password refused, the right one opening the page."""

from wagtail.models import Locale, PageViewRestriction

import pytest

from aple_site.models import StandardPage
from tests.browser.conftest import DESKTOP, PHONE

LABELS = {"en": ("Password", "Continue"), "km": ("ពាក្យសម្ងាត់", "បន្ត")}


@pytest.mark.parametrize("language", ["en", "km"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_password_opens_a_protected_page(visitor_factory, viewport, language):
    english = StandardPage.objects.get(slug="about", locale__language_code="en")
    about = english.get_translation(Locale.objects.get(language_code=language))
    # Privacy is per page in Wagtail: each language's version is protected on its own.
    PageViewRestriction.objects.create(page=about, restriction_type="password", password="children-first")
    password_label, button = LABELS[language]
    visitor = visitor_factory(viewport=viewport)
    page = visitor.page

    assert visitor.go(about.url).status == 200
    main = page.locator("main")
    assert main.get_by_role("heading", level=1).inner_text() != about.title
    assert about.intro not in main.inner_text()
    assert visitor.axe_violations() == []

    page.get_by_label(password_label).fill("a guess")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("alert").is_visible()
    assert page.get_by_label(password_label).get_attribute("aria-invalid") == "true"
    assert visitor.axe_violations() == []

    page.get_by_label(password_label).fill("children-first")
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()
    assert page.url.endswith(about.url)
    assert main.get_by_role("heading", level=1).inner_text() == about.title
    assert about.intro in main.inner_text()
    assert visitor.third_party_requests() == []
