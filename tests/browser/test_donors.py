"""A donor's and a member of staff's paths in real Chromium: staff set up giving in the admin, a donor finds it."""

from django.contrib.auth.models import User

from tests.browser.test_content_pages import log_in, set_donate_address


def test_staff_set_up_giving_in_the_admin_and_a_donor_finds_it(visitor_factory):
    User.objects.create_superuser("finance", "finance@example.org", "a-long-test-password")
    set_donate_address()
    staff = visitor_factory()
    log_in(staff, "finance")
    staff.go("/admin/settings/giving/givingsettings/")
    form = staff.page
    form.get_by_role("button", name="Insert a block").first.click()
    form.locator("[name='donation_links-0-value-provider']").fill("GlobalGiving")
    form.locator("[name='donation_links-0-value-frequency']").select_option("monthly")
    form.locator("[name='donation_links-0-value-url']").fill("https://give.example.org/monthly")
    form.fill("#id_account_name", "Action Pour Les Enfants")
    form.fill("#id_account_number", "000 111 222")
    form.get_by_role("button", name="Save").click()
    form.wait_for_load_state()
    assert "Giving updated" in form.locator(".messages").inner_text()

    donor = visitor_factory()
    donor.go("/en/")
    donor.page.get_by_role("banner").get_by_role("link", name="Donate").click()
    donor.page.wait_for_url("**/en/ways-to-give/")
    monthly = donor.page.get_by_role("link", name="Give every month with GlobalGiving")
    assert monthly.get_attribute("href") == "https://give.example.org/monthly"
    assert "000 111 222" in donor.page.get_by_role("main").inner_text()
    assert donor.third_party_requests() == []
