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
    visitor.page.locator(".error-summary").wait_for()
    assert visitor.page.evaluate("document.activeElement.className") == "error-summary"
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


# --- Nothing left on a shared phone (issue: reporting that leaves no trace) ---

TYPED = {"what": "My uncle's neighbour Sokha hurts the girl at night.", "name": "Chenda Phal"}


def fill_report(page):
    form = page.locator("form[data-safe-form]")
    form.locator("input[name=danger]").last.check()
    form.locator("input[name=concern]").last.check()
    form.locator("textarea[name=what]").fill(TYPED["what"])
    form.locator("input[name=name]").fill(TYPED["name"])
    return form


def nothing_typed_shows(page):
    """No typed text on screen, and none in any field of the page."""
    text = page.evaluate("document.body ? document.body.innerText : ''")
    values = page.evaluate(
        "[...document.querySelectorAll('input, textarea')].filter(e => !['hidden','radio','checkbox','submit']"
        ".includes(e.type)).map(e => e.value).join(' ')"
    )
    checked = page.evaluate(
        "document.querySelectorAll('input[name=danger]:checked, input[name=concern]:checked').length"
    )
    return all(typed not in text and typed not in values for typed in TYPED.values()) and checked == 0


@pytest.mark.parametrize("language", ["en", "km"])
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_after_a_report_back_and_forward_show_nothing_typed(helper, language, javascript):
    visitor = helper(viewport=PHONE, javascript=javascript)
    visitor.go(f"/{language}/get-help/report-abuse/")
    fill_report(visitor.page).locator("[type=submit]").click()
    visitor.page.locator(".confirmation__reference").wait_for()
    assert nothing_typed_shows(visitor.page)
    for step in ("back", "forward", "back", "reload"):
        getattr(visitor.page, f"go_{step}" if step != "reload" else "reload")()
        visitor.page.wait_for_load_state()
        visitor.page.wait_for_timeout(200)
        assert nothing_typed_shows(visitor.page), (step, visitor.page.url)


@pytest.mark.parametrize("language", ["en", "km"])
@pytest.mark.parametrize("how", ["button", "shift"])
def test_after_quick_exit_back_never_shows_a_help_page(helper, language, how):
    visitor = helper(viewport=PHONE)
    visitor.go(f"/{language}/")
    visitor.page.locator(f".hero a[href='/{language}/get-help/report-abuse/#report-form']").click()
    visitor.page.wait_for_url("**/get-help/report-abuse/**")
    visitor.page.locator(f".breadcrumbs a[href='/{language}/get-help/']").click()  # back up to Get help
    visitor.page.wait_for_url(f"**/{language}/get-help/")
    visitor.page.locator(f"main a[href='/{language}/get-help/report-abuse/']").first.click()
    visitor.page.wait_for_url("**/get-help/report-abuse/")
    visitor.page.locator("a[href='#report-form']").click()  # a place on the page: no new entry either
    if how == "button":
        visitor.page.locator("[data-quick-exit]").click()
    else:
        for _ in range(3):
            visitor.page.keyboard.press("Shift")
    visitor.page.wait_for_url(EXIT_URL)
    for _ in range(3):
        visitor.page.go_back()
        visitor.page.wait_for_timeout(150)
        assert "/get-help/" not in visitor.page.url, visitor.page.url


@pytest.mark.parametrize("language", ["en", "km"])
def test_the_report_form_is_within_reach_from_the_first_screen(helper, language):
    visitor = helper(viewport=PHONE)
    visitor.go(f"/{language}/")  # a first visit: the cookie banner is open here
    assert visitor.page.locator("[data-cookie-banner]").is_visible()
    for selector in (".hero a[href$='#report-form']", ".hero a[href^='tel:']"):
        assert uncovered_on_first_screen(visitor.page, selector), selector
    visitor.page.locator(".hero a[href$='#report-form']").click()
    visitor.page.wait_for_url("**/get-help/report-abuse/#report-form")
    visitor.settle()
    assert visitor.page.evaluate("document.activeElement.id") == "report-form"  # straight to the form
    visitor.go(f"/{language}/get-help/report-abuse/")  # the page's own first screen
    assert not visitor.page.locator("[data-cookie-banner]").is_visible()  # help pages never ask
    for selector in (".call-now a[href^='tel:']", "a.button--primary[href='#report-form']", ".help-bar__hotline"):
        assert uncovered_on_first_screen(visitor.page, selector), selector
    visitor.page.evaluate("window.scrollTo(0, 0)")
    visitor.page.locator("a.button--primary[href='#report-form']").click()
    assert visitor.page.evaluate("document.activeElement.id") == "report-form"
    visitor.page.keyboard.press("Tab")
    assert visitor.page.evaluate("document.activeElement.name") in ("csrfmiddlewaretoken", "danger")


def uncovered_on_first_screen(page, selector):
    """The element is inside the first screen and nothing lies on top of its centre."""
    return page.evaluate(
        """(selector) => {
            const element = document.querySelector(selector);
            const box = element.getBoundingClientRect();
            if (box.top < 0 || box.bottom > innerHeight || box.width === 0) return false;
            const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            return element === top || element.contains(top);
        }""",
        selector,
    )


def test_ten_mistaken_posts_do_not_stop_the_eleventh_real_report(helper):
    visitor = helper(viewport=PHONE)
    visitor.go("/en/get-help/report-abuse/")
    for _ in range(10):
        visitor.page.locator("form[data-safe-form] [type=submit]").click()
        visitor.page.locator(".error-summary").wait_for()
        visitor.page.wait_for_function("() => !document.querySelector('form[data-safe-form] [type=submit]').disabled")
    fill_report(visitor.page).locator("[type=submit]").click()
    assert visitor.page.locator(".confirmation__reference").inner_text().startswith("R-")


def test_a_reporter_follows_the_status_the_hotline_sets(helper):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    reporter = helper(viewport=PHONE)
    reporter.go("/km/get-help/report-abuse/")
    fill_report(reporter.page).locator("[type=submit]").click()
    reference = reporter.page.locator(".confirmation__reference").inner_text()
    code = reporter.page.locator(".confirmation__code").inner_text()

    member = get_user_model().objects.create_user("hotline-member", password="a-long-password-123")
    member.groups.add(Group.objects.get(name="Hotline"))
    staff = helper()
    log_in(staff, "hotline-member", "a-long-password-123")
    staff.go("/admin/hotline-reports/")
    staff.page.get_by_role("link", name=reference).click()  # the list opens a report to work on it
    staff.page.locator("select[name=status]").select_option("referred")
    staff.page.locator("textarea[name=reply]").fill("Thank you: we passed your report to the police.")
    staff.page.get_by_role("button", name="Save").click()
    staff.page.wait_for_url("**/admin/hotline-reports/")

    reporter.go("/km/get-help/report-abuse/check/")
    form = reporter.page.locator("form[data-safe-form]")
    form.locator("input[name=reference]").fill(reference)
    form.locator("input[name=check_code]").fill(code)
    form.locator("[type=submit]").click()
    result = reporter.page.locator(".report-status")
    result.wait_for()
    assert "Thank you: we passed your report to the police." in reporter.page.content()
    assert reporter.axe_violations() == []
