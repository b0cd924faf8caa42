"""The help pages in Chromium: quick exit by button and by Shift pressed three times (and Back does not return),
its place in the keyboard order, no third-party request, no axe violation, in both languages."""

import pytest

from tests.browser.conftest import PHONE

EXIT_URL = "https://www.google.com/search?q=weather+phnom+penh"
HELP_PATHS = [
    "/en/get-help/",
    "/en/get-help/report-abuse/",
    "/en/get-help/seek-help/",
    "/en/get-help/staying-safe-online/",
    "/en/get-help/contact/",
]
HELP_PATHS += [path.replace("/en/", "/km/", 1) for path in HELP_PATHS]


@pytest.fixture
def helper(visitor_factory):
    """A visitor whose browser answers the neutral exit site itself (nothing leaves this machine)."""

    def make(**kwargs):
        visitor = visitor_factory(**kwargs)
        visitor.context.route(
            "https://www.google.com/**",
            lambda route: route.fulfill(body="<title>Weather</title>", content_type="text/html"),
        )
        return visitor

    return make


def test_the_button_leaves_and_back_does_not_return(helper):
    visitor = helper(viewport=PHONE)
    visitor.go("/en/")
    visitor.go("/en/get-help/report-abuse/")
    visitor.page.get_by_role("link", name="Exit this page").click()
    visitor.page.wait_for_url(EXIT_URL)
    visitor.page.go_back()
    assert visitor.page.url == visitor.base_url + "/en/"  # the help page is gone from the history


def test_shift_three_times_leaves_and_back_does_not_return(helper):
    visitor = helper()
    visitor.go("/km/")
    visitor.go("/km/get-help/staying-safe-online/")
    for _ in range(3):
        visitor.page.keyboard.press("Shift")
    visitor.page.wait_for_url(EXIT_URL)
    visitor.page.go_back()
    assert visitor.page.url == visitor.base_url + "/km/"


def test_two_shifts_do_not_leave_and_say_what_a_third_would_do(helper):
    visitor = helper()
    visitor.go("/en/get-help/")
    visitor.page.keyboard.press("Shift")
    visitor.page.keyboard.press("Shift")
    status = visitor.page.locator("[data-quick-exit-status]")
    assert status.inner_text() == "Shift, press 1 more time to exit."
    visitor.page.wait_for_timeout(300)
    assert visitor.page.url.endswith("/en/get-help/")


def test_quick_exit_is_the_second_keyboard_stop_and_stays_on_screen(helper):
    visitor = helper(viewport=PHONE)
    visitor.go("/en/get-help/seek-help/")
    visitor.page.keyboard.press("Tab")
    assert visitor.page.evaluate("document.activeElement.className") == "skip-link"
    visitor.page.keyboard.press("Tab")
    assert visitor.page.evaluate("document.activeElement.textContent").startswith("Exit this page")
    visitor.page.mouse.wheel(0, 3000)
    visitor.page.wait_for_timeout(300)
    box = visitor.page.get_by_role("link", name="Exit this page").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def test_without_javascript_the_exit_is_a_plain_link(helper):
    visitor = helper(javascript=False)
    visitor.go("/km/get-help/report-abuse/")
    visitor.page.locator("[data-quick-exit]").click()
    visitor.page.wait_for_url(EXIT_URL)


def test_help_pages_make_no_third_party_request_and_have_no_axe_violations(helper):
    visitor = helper()
    for path in HELP_PATHS:
        visitor.go(path)
        assert visitor.third_party_requests() == [], path
        assert visitor.axe_violations() == [], path


def log_in(visitor, username, password):
    visitor.go("/admin/login/")
    visitor.page.fill("#id_username", username)
    visitor.page.fill("#id_password", password)
    visitor.page.locator("form").get_by_role("button", name="Sign in").click()
    visitor.page.wait_for_load_state()


def test_a_report_with_only_the_required_answers_gets_a_reference_the_hotline_can_read(helper):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    visitor = helper(viewport=PHONE)
    visitor.go("/en/get-help/report-abuse/")
    form = visitor.page.locator("form.stacked-form")
    form.get_by_role("button", name="Send the report").click()  # nothing answered yet
    visitor.page.wait_for_load_state()
    assert visitor.page.locator(".error-summary").is_visible()
    # axe at the top of the page: scrolled down to the form, the floating "Exit this page" button lies over
    # whatever link passes beneath it, by design (it must stay on screen), which axe counts against that link.
    visitor.page.evaluate("window.scrollTo(0, 0)")
    assert visitor.axe_violations() == []
    visitor.page.get_by_label("I don't know").check()
    visitor.page.get_by_label("Something else").check()
    visitor.page.get_by_label("What happened, or what did you see?").fill(
        "A man keeps messaging children at the school."
    )
    visitor.page.locator("form.stacked-form").get_by_role("button", name="Send the report").click()
    visitor.page.wait_for_load_state()
    reference = visitor.page.locator(".confirmation__reference").inner_text()
    assert reference.startswith("R-") and len(reference) == 11
    visitor.page.evaluate("window.scrollTo(0, 0)")
    assert visitor.axe_violations() == []
    assert visitor.third_party_requests() == []

    users = get_user_model().objects
    hotline = users.create_user("hotline-staff", password="a-long-password-123")
    hotline.groups.add(Group.objects.get(name="Hotline"))
    editor = users.create_user("editor-staff", password="a-long-password-123")
    editor.groups.add(Group.objects.get(name="Editors"))

    staff = helper()
    log_in(staff, "hotline-staff", "a-long-password-123")
    staff.go("/admin/hotline-reports/")
    staff.page.get_by_role("link", name=reference).click()
    staff.page.wait_for_load_state()
    assert "A man keeps messaging children at the school." in staff.page.content()

    other = helper()
    log_in(other, "editor-staff", "a-long-password-123")
    response = other.go("/admin/hotline-reports/")
    assert response.status == 403
    assert "A man keeps messaging" not in other.page.content()
