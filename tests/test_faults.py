"""Faults and attacks, with the site as deployed: the shipped nginx configuration in front of the app, Redis or
the database on a closed port, a disk that fills up, hostile clients. Nothing taken down lingers, no outage of
one dependency takes the site down, and no single client can lock out or tie up another."""

import errno
import json
import os
import re
import time
from unittest import mock
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.test import Client

from wagtail.models import Page, PageViewRestriction

import pytest

from aple_site.factories import ImageFactory
from aple_site.settings.caches import redis_cache
from aple_site.tests.test_uploads import UploadTestCase, media_files
from news.factories import NewsPageFactory
from publications.factories import PublicationPageFactory
from stories.factories import StoryPageFactory
from tests import image_files, servers
from tests.test_bad_input import live_pages

pytestmark = pytest.mark.faults


@pytest.fixture
def proxied(proxy, committed_db, settings):
    """nginx in front of the app with its page cache on and a one-second micro-cache, to wait it out quickly."""
    settings.PAGE_CACHE = True
    settings.PAGE_MAX_AGE = 1
    caches["default"].clear()
    return proxy


def get(port, path, **kwargs):
    return servers.request(port, path, **kwargs)


def about_page():
    return Page.objects.get(slug="about", locale__language_code="en").specific


def assert_gone_after_max_age(port, path, old_text):
    """Within the micro-cache time nginx may still hold its copy; after it, no request shows the old page. (nginx
    counts whole seconds: a copy with max-age=1 may live up to two.)"""
    time.sleep(2.05)
    for _ in range(4):
        status, headers, body = get(port, path)
        assert old_text not in body, (status, headers.get("x-proxy-cache"))
        assert headers.get("x-proxy-cache") != "STALE"
        time.sleep(0.3)


class TestTakenDownMeansGone:
    def warm(self, port, path, text):
        get(port, path)
        status, headers, body = get(port, path)
        assert status == 200 and text in body
        assert headers["x-proxy-cache"] == "HIT"

    @pytest.mark.parametrize("take_down", ["unpublish", "delete"])
    def test_a_page_taken_down_is_gone_from_nginx_once_its_copy_expires(self, proxied, take_down):
        self.warm(proxied, "/en/about/", b"<h1")
        about = about_page()
        title = about.title.encode()
        getattr(about, take_down)()
        assert_gone_after_max_age(proxied, "/en/about/", title)
        assert get(proxied, "/en/about/")[0] == 404

    def test_a_page_made_private_is_gone_from_nginx_and_the_sitemap(self, proxied):
        self.warm(proxied, "/en/about/", b"<h1")
        self.warm(proxied, "/sitemap.xml", b"/en/about/")
        PageViewRestriction.objects.create(page=about_page(), restriction_type="password", password="a-secret-1")
        assert_gone_after_max_age(proxied, "/en/about/", b'class="page-header"')
        assert b'type="password"' in get(proxied, "/en/about/")[2]
        assert_gone_after_max_age(proxied, "/sitemap.xml", b"/en/about/")

    def test_a_publication_taken_down_takes_its_pdf_with_it_through_nginx(self, proxied):
        library = Page.objects.get(slug="publications", locale__language_code="en")
        report = PublicationPageFactory(parent=library, title="Withdrawn report")
        pdf = report.document.url
        self.warm(proxied, "/en/publications/", b"Withdrawn report")
        assert get(proxied, pdf)[0] == 200
        report.unpublish()  # e.g. a child could be recognised in it
        assert get(proxied, pdf)[0] == 404  # nginx keeps no copy of a document: gone at once
        assert_gone_after_max_age(proxied, "/en/publications/", b"Withdrawn report")

    def test_a_child_s_image_is_never_served_whole_and_goes_with_its_story(self, proxied):
        child = ImageFactory(shows_identifiable_child="yes", file__width=1600, file__height=1200)
        stories = Page.objects.get(slug="stories", locale__language_code="en")
        story = StoryPageFactory(
            parent=stories,
            title="A story told with consent",
            body=[("figure", {"image": child, "consent": "consent_covers"})],
        )
        html = get(proxied, story.url)[2].decode()
        shown = re.findall(r'src="(/media/images/[^"]+)"', html)
        assert shown and all(get(proxied, src)[0] == 200 for src in shown)
        assert all(max(r.width, r.height) <= 800 for r in child.renditions.all())
        assert get(proxied, child.file.url)[0] == 404  # the original, through nginx
        story.unpublish()  # e.g. its consent expired (publish_scheduled unpublishes it)
        still_served = [src for src in shown if get(proxied, src)[0] != 404]
        assert not still_served, (still_served, list(child.renditions.values_list("file", flat=True)))

    def test_uploads_waiting_for_their_alt_text_are_never_served(self, proxied, settings):
        # The admin's multiple upload keeps a photo in uploaded_files/ until its alt text is written.
        folder = os.path.join(settings.MEDIA_ROOT, "uploaded_files")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "pending.jpg"), "wb") as pending:
            pending.write(image_files.photo_with_gps())
        try:
            assert get(proxied, "/media/uploaded_files/pending.jpg")[0] == 404
        finally:
            os.remove(os.path.join(folder, "pending.jpg"))


class TestThroughNginx:
    def test_long_addresses_get_an_answer_not_a_502(self, proxy, committed_db):
        for path in ("/en/" + "a" * 3400 + "/", "/" + "b" * 3400, "/en/search/?q=" + "c" * 3400):
            status, _, _ = get(proxy, path)
            assert status in (200, 301, 302, 404), (len(path), status)

    def test_nginx_refuses_consent_floods_before_they_reach_the_app(self, proxy, committed_db):
        flood = "&".join(["cookie_groups=analytics"] * 1999)
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        status, _, body = get(
            proxy, "/cookies/accept/", method="POST", body=flood, headers=headers, source="127.0.0.4"
        )
        assert status == 413 and b"Request not accepted" in body  # nginx's page: the body never reached the app
        answers = [
            get(
                proxy,
                "/cookies/accept/",
                method="POST",
                body="cookie_groups=analytics",
                headers=headers,
                source="127.0.0.5",
            )[0]
            for _ in range(40)  # nginx lets a burst of 30 through, then one a second
        ]
        assert 429 in answers
        assert answers[:5] == [403] * 5  # the first ones reach the app (which wants its CSRF token)
        # Other clients, and pages, are not affected.
        assert get(proxy, "/cookies/accept/", method="POST", body="x=1", headers=headers, source="127.0.0.6")[0] == 403
        assert get(proxy, "/en/", source="127.0.0.5")[0] == 200

    def test_the_access_log_keeps_no_search_words_and_no_client_address(self, proxy, committed_db):
        get(proxy, "/en/search/?q=Sokha+Chan", source="127.0.0.7")
        get(proxy, "/en/get-help/report-abuse/?name=Dara", source="127.0.0.7")
        time.sleep(0.2)  # nginx writes its log line after the answer
        log = servers.ACCESS_LOGS[proxy].read_text()
        assert "GET /en/search/ 200" in log
        assert "/en/get-help/report-abuse/" in log
        for trace in ("Sokha", "Dara", "q=", "127.0.0.7", "python"):
            assert trace not in log

    def test_a_report_through_nginx_leaves_no_copy_of_its_confirmation(self, proxy, committed_db):
        """Sent as a browser sends it, through the shipped nginx: the confirmation (the reference only) is never
        kept by nginx's page cache, however often it is asked for."""
        status, headers, body = get(proxy, "/en/get-help/report-abuse/", source="127.0.0.8")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
        cookie = re.search(r"csrftoken=([^;]+)", headers["set-cookie"]).group(1)
        form = f"csrfmiddlewaretoken={token}&danger=no&concern=other&what=Seen+at+the+market+stall"
        status, headers, _ = get(
            proxy,
            "/en/get-help/report-abuse/",
            method="POST",
            body=form,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={cookie}",
                "Origin": f"http://127.0.0.1:{proxy}",
                "Referer": f"http://127.0.0.1:{proxy}/en/get-help/report-abuse/",
            },
            source="127.0.0.8",
        )
        assert status == 303
        confirmation = urlsplit(headers["location"]).path
        for _ in range(2):
            status, headers, body = get(proxy, confirmation, source="127.0.0.9")
            assert status == 200 and b"confirmation__reference" in body and b"market stall" not in body
            assert headers["cache-control"] == "no-store"
            assert headers.get("x-proxy-cache") != "HIT"

    def test_forms_work_behind_a_non_default_port(self, proxy, committed_db):
        """nginx listens on a port other than 80/443: Django must see it, or its CSRF check fails."""
        status, headers, body = get(proxy, "/admin/login/")
        assert status == 200
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
        cookie = re.search(r"csrftoken=([^;]+)", headers["set-cookie"]).group(1)
        status, _, body = get(
            proxy,
            "/admin/login/",
            method="POST",
            body=f"csrfmiddlewaretoken={token}&username=nobody&password=wrong-password",
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={cookie}",
                "Origin": f"http://127.0.0.1:{proxy}",
                "Referer": f"http://127.0.0.1:{proxy}/admin/login/",
            },
        )
        assert status == 200, status  # the login form again, with its error (a CSRF failure is a 403)
        assert b'name="password"' in body

    def test_a_client_failing_logins_behind_the_proxy_does_not_lock_out_another(self, proxy, committed_db, settings):
        # TRUSTED_PROXY_COUNT=1, as behind the shipped nginx (aple_site/settings/base.py).
        settings.AXES_IPWARE_PROXY_COUNT = 0
        settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
        get_user_model().objects.create_superuser("director", "d@example.org", "the-right-password-1")

        def log_in(password, source):
            status, headers, body = get(proxy, "/admin/login/", source=source)
            token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
            cookie = re.search(r"csrftoken=([^;]+)", headers["set-cookie"]).group(1)
            return get(
                proxy,
                "/admin/login/",
                method="POST",
                source=source,
                body=f"csrfmiddlewaretoken={token}&username=director&password={password}",
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": f"csrftoken={cookie}",
                    "Origin": f"http://127.0.0.1:{proxy}",
                    # An attacker's own X-Forwarded-For changes nothing: nginx replaces it.
                    "X-Forwarded-For": "198.51.100.7",
                },
            )[0]

        for _ in range(4):
            assert log_in("wrong-guess", source="127.0.0.2") == 200
        assert log_in("wrong-guess", source="127.0.0.2") == 429  # the fifth failure locks the attacker out
        assert log_in("the-right-password-1", source="127.0.0.2") == 429
        assert log_in("the-right-password-1", source="127.0.0.3") == 302  # the director is not


@pytest.fixture
def redis_down(settings):
    """Redis on a port where nothing listens, as configured in production (REDIS_URL)."""
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{servers.closed_port()}/0", "aple-fault")}
    settings.PAGE_CACHE = True
    yield
    caches["default"].close()


class TestRedisDown:
    def test_every_page_is_served_uncached(self, redis_down, db):
        client = Client()
        for page in live_pages()[:40]:
            response = client.get(page.url)
            assert response.status_code == 200, page.url
        for url, status in (("/en/search/?q=court", 200), ("/en/cookies/preferences/", 200), ("/sitemap.xml", 200)):
            assert client.get(url).status_code == status, url
        assert client.post("/cookies/accept/", {"cookie_groups": "analytics"}).status_code == 302

    def test_the_health_check_reports_the_database_truthfully(self, redis_down, db):
        response = Client().get("/healthz/")
        assert response.status_code == 200
        assert response.json() == {"status": "degraded", "database": "ok", "cache": "degraded"}

    def test_an_editor_can_still_publish(self, redis_down, db):
        moderator = get_user_model().objects.create_user("moderator", "m@example.org", "a-password-1234")
        moderator.groups.add(Group.objects.get(name="Moderators"))
        client = Client()
        client.force_login(moderator)
        about = about_page()
        revision = about.save_revision(user=moderator)
        response = client.post(
            f"/admin/pages/{about.pk}/edit/",
            {
                "title": "About APLE, updated",
                "slug": about.slug,
                "intro": about.intro,
                "body-count": "0",
                "action-publish": "publish",
                **dict.fromkeys(("listing_summary", "listing_image", "search_description", "seo_title"), ""),
            },
        )
        assert response.status_code == 302, response.content[:500]
        assert revision.pk < about_page().live_revision_id
        assert "About APLE, updated" in Client().get("/en/about/").content.decode()


@pytest.fixture(scope="module")
def database_down_app(tmp_path_factory):
    """gunicorn with production settings, a cold cache (local memory) and the database on a closed port."""
    static = tmp_path_factory.mktemp("static")
    environment = {
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{servers.closed_port()}/aple",
        "STATIC_ROOT": str(static),
    }
    servers.collect_static(environment)
    with servers.gunicorn(**environment) as port, servers.nginx_in_front_of(port) as proxy_port:
        yield port, proxy_port


class TestDatabaseDown:
    def test_the_health_check_answers_503_json(self, database_down_app):
        for port in database_down_app:
            status, headers, body = get(port, "/healthz/")
            assert status == 503
            assert headers["content-type"] == "application/json"
            assert json.loads(body)["database"] == "unreachable"

    def test_pages_answer_the_styled_500_page(self, database_down_app):
        for port in database_down_app:
            for path in ("/en/", "/km/", "/en/about/", "/cookies/status/", "/sitemap.xml", "/en/search/?q=x"):
                for cookies in ("", "cookie_consent=analytics=-1; _pk_id.1.abc=1"):
                    status, headers, body = get(port, path, headers={"Cookie": cookies} if cookies else {})
                    assert status == 500, (port, path)
                    assert b"</main>" in body and b'<link rel="stylesheet"' in body, body[:300]  # the site's page
                    if not path.startswith("/km/"):
                        assert b"Sorry, something went wrong on our side" in body
                    # Someone reporting a child at risk still finds the numbers to call.
                    assert b'href="tel:1288"' in body and b'href="tel:+85592311511"' in body
                    assert b"Traceback" not in body


class FullDiskTests(UploadTestCase):
    """A media storage that fails with "No space left on device" halfway through writing an upload."""

    def test_a_full_disk_is_a_form_error_and_leaves_no_partial_file(self):
        real_fdopen = os.fdopen

        class FillsUp:
            """A file that takes 100 bytes, then says what a full disk says."""

            def __init__(self, fd, mode):
                self.file = real_fdopen(fd, mode)

            def write(self, chunk):
                self.file.write(chunk[:100])
                self.file.flush()
                raise OSError(errno.ENOSPC, "No space left on device")

            def close(self):
                self.file.close()

        before = media_files()
        with mock.patch("django.core.files.storage.filesystem.os.fdopen", FillsUp):
            response = self.upload(image_files.photo_with_gps(size=(640, 480)))
        self.assert_refused(response, "the server may be out of space")
        self.assertEqual(media_files(), before)
        # Once there is room again, the same upload works.
        self.assertEqual(self.upload(image_files.photo_with_gps(size=(640, 480))).status_code, 302)


def test_a_full_disk_serves_the_page_without_its_image(committed_db, caplog):
    """A page whose image has no stored copy yet, when the media disk is full: the page, without the image. (No
    wrapping transaction: as in production, the failed write rolls back only its own.)"""
    from news.models import NewsIndexPage

    photo = ImageFactory(shows_identifiable_child="no", file__width=900, file__height=600)
    news = NewsIndexPage.objects.get(locale__language_code="en")
    item = NewsPageFactory(parent=news, title="Training for police officers", image=photo)
    full = OSError(errno.ENOSPC, "No space left on device")
    with mock.patch("django.core.files.storage.FileSystemStorage._save", side_effect=full):
        response = Client().get(item.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Training for police officers" in html and "/media/images/" not in html
    assert any("could not be stored" in record.getMessage() for record in caplog.records)
