"""`make docs-screenshots`: the editors' guide's pictures of the admin (docs/editors/img/), taken afresh.

Builds its own SQLite database with the seed content (.docs-screenshots/), serves it with the development server,
and walks through what the guide describes in headless Chromium, as an editor and then a moderator: the dashboard,
a new timeline event with its preview, submitting it, the moderator's approval, scheduling and translating. Run it
again whenever Wagtail or the admin changes, and look at the pictures before committing them."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".docs-screenshots"
OUT = ROOT / "docs" / "editors" / "img"
PASSWORD = "a-long-screenshot-password"
VIEWPORT = {"width": 1280, "height": 800}
ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "aple_site.settings.dev",
    "DATABASE_URL": f"sqlite:///{WORK / 'db.sqlite3'}",
    "MEDIA_ROOT": str(WORK / "media"),
}
PEOPLE = f"""
from django.contrib.auth.models import Group, User
for name, group in (("editor", "Editors"), ("moderator", "Moderators")):
    user = User.objects.filter(username=name).first() or User.objects.create_user(name, password="{PASSWORD}")
    user.first_name = name.title()
    user.save()
    user.groups.add(Group.objects.get(name=group))
"""


def manage(*args, **kwargs):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=ENV, check=True, **kwargs)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(port):
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env={**ENV, "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("The development server did not start")


class Staff:
    """One person's browser, logged in to the admin."""

    def __init__(self, browser, base, username):
        self.base = base
        self.context = browser.new_context(viewport=VIEWPORT, locale="en-GB")
        # Wagtail reopens a side panel it remembers: each picture starts with the panels closed.
        self.context.add_init_script("localStorage.removeItem('wagtail:side-panel-open')")
        self.page = self.context.new_page()
        self.go("/admin/login/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", PASSWORD)
        self.page.get_by_role("button", name="Sign in").click()
        self.page.wait_for_url("**/admin/")

    def go(self, path):
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("networkidle")

    def shot(self, name, description):
        self.page.wait_for_timeout(300)  # let menus and panels finish their transitions
        self.page.screenshot(path=OUT / f"{name}.png")
        print(f"  {name}.png  {description}")


def page_id(slug, language="en"):
    script = (
        "from wagtail.models import Page; "
        f"print(Page.objects.get(slug='{slug}', locale__language_code='{language}').pk)"
    )
    return manage("shell", "-c", script, capture_output=True, text=True).stdout.split()[-1]


def editor_steps(editor, history_id):
    editor.go("/admin/")
    editor.shot("01-dashboard", "the editor's dashboard")
    editor.go(f"/admin/pages/{history_id}/")
    editor.shot("02-section-pages", "the pages of 'Our history', with 'Add child page'")
    editor.go(f"/admin/pages/add/history/timelineeventpage/{history_id}/")
    form = editor.page
    form.fill("#id_title", "APLE opens a drop-in centre")
    form.fill("#id_year", "2011")
    form.select_option("#id_category", "program")
    form.fill("#id_summary", "A place where children can come for help.")
    editor.shot("03-new-event", "a new timeline event: each field says what it does")
    form.locator('[data-side-panel-toggle="preview"]').click()
    form.frame_locator("#w-preview-iframe").get_by_role("heading", level=1).wait_for(timeout=15_000)
    editor.shot("04-preview", "the preview beside the form")
    form.locator('[data-side-panel-toggle="preview"]').click()
    form.wait_for_timeout(1500)  # Wagtail's autosave may be creating the page
    form.get_by_role("button", name="More actions").click()
    editor.shot("05-submit", "More actions → Submit to Moderators approval")
    with form.expect_navigation():
        form.get_by_role("button", name="Submit to Moderators approval").click()


def moderator_steps(moderator, event_id):
    moderator.go("/admin/")
    moderator.shot("06-awaiting-review", "the moderator's dashboard: Awaiting your review")
    moderator.go(f"/admin/pages/{event_id}/edit/")
    moderator.page.get_by_role("button", name="More actions").click()
    moderator.shot("07-approve", "More actions → Approve and Publish, or Request changes")
    with moderator.page.expect_navigation():
        moderator.page.get_by_role("button", name="Approve and Publish", exact=True).click()
    moderator.go(f"/admin/pages/{event_id}/edit/")
    moderator.page.locator('[data-side-panel-toggle="status"]').click()
    moderator.shot("08-status", "the Status panel: Set schedule, and the page's languages")
    moderator.page.locator('[data-side-panel-toggle="status"]').click()
    moderator.page.get_by_role("button", name="Actions", exact=True).click()
    moderator.shot("09-translate", "the page's Actions menu → Translate")
    moderator.page.get_by_role("link", name="Translate").click()
    moderator.page.wait_for_load_state("networkidle")
    moderator.shot("10-translate-form", "Translate: tick ខ្មែរ, then Submit")


def main():
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT))
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    (WORK / "db.sqlite3").unlink(missing_ok=True)
    WORK.mkdir(exist_ok=True)
    OUT.mkdir(parents=True, exist_ok=True)
    manage("migrate", "--no-input", "-v", "0")
    manage("load_initial_data", stdout=subprocess.DEVNULL)
    manage("shell", "-c", PEOPLE, stdout=subprocess.DEVNULL)
    history_id = page_id("history")
    port = free_port()
    server = serve(port)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            base = f"http://127.0.0.1:{port}"
            print(f"Screenshots of the admin in {OUT.relative_to(ROOT)}/:")
            editor_steps(Staff(browser, base, "editor"), history_id)
            moderator_steps(Staff(browser, base, "moderator"), page_id("aple-opens-a-drop-in-centre"))
            browser.close()
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
