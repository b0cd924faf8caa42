"""Two app servers behind the shipped nginx, sharing PostgreSQL, Redis, the task queue and media in SeaweedFS's S3
gateway (harness.py): what one server does, the other shows at once; uploads are cleaned and stored in the bucket;
a take-down reaches both; nginx loses no request when one server dies."""

import os
import re
import signal
import threading
import time

import pytest
import requests
from aiosmtpd.controller import Controller

from tests import image_files, servers
from tests.cluster.harness import BUCKET, cluster
from tests.document_files import exif_of, revealing


@pytest.fixture(scope="module")
def two_servers():
    inbox = servers.Inbox()
    port = servers.free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with cluster(port, inbox) as running:
            yield running
    finally:
        controller.stop()


def page_id(two_servers, slug, language="en"):
    return two_servers.query(
        "SELECT p.id FROM wagtailcore_page p JOIN wagtailcore_locale l ON l.id = p.locale_id "
        "WHERE p.slug = %s AND l.language_code = %s",
        slug,
        language,
    )[0][0]


def test_a_page_published_through_one_server_is_served_fresh_by_the_other(two_servers):
    (first, _), (second, _) = two_servers.apps
    about = two_servers.url(second, "/en/about/")
    for _ in range(2):  # the second server's cached copy
        assert "About APLE, as of today" not in requests.get(about, timeout=30).text
    session = two_servers.admin_session(first)
    about_id = page_id(two_servers, "about")
    intro = two_servers.query("SELECT intro FROM aple_site_standardpage WHERE page_ptr_id = %s", about_id)[0][0]
    response = two_servers.post(
        session,
        first,
        f"/admin/pages/{about_id}/edit/",
        {
            "title": "About APLE, as of today",
            "slug": "about",
            "intro": intro,
            "body-count": "0",
            "action-publish": "publish",
            **dict.fromkeys(("listing_summary", "listing_image", "search_description", "seo_title"), ""),
        },
    )
    assert response.status_code == 302, response.text[:1000]
    assert "About APLE, as of today" in requests.get(about, timeout=30).text  # at once, on the other server


def test_an_image_uploaded_through_one_server_is_cleaned_stored_in_the_bucket_and_shown_by_the_other(two_servers):
    (first, _), (second, _) = two_servers.apps
    before = set(two_servers.bucket_keys("original_images/"))
    session = two_servers.admin_session(first)
    response = two_servers.post(
        session,
        first,
        "/admin/images/add/",
        {"title": "Cluster photo", "description": "A classroom seen from its door", "shows_identifiable_child": "no"},
        files={"file": ("IMG_0420.jpg", image_files.photo_with_gps(size=(640, 480)), "image/jpeg")},
    )
    assert response.status_code == 302, response.text[:1000]
    stored = set(two_servers.bucket_keys("original_images/")) - before
    assert len(stored) == 1 and "IMG_0420" not in stored.pop()
    image_id = two_servers.query("SELECT id FROM aple_site_siteimage WHERE title = 'Cluster photo'")[0][0]
    # The other server shows it: the admin's library makes its thumbnail, in the bucket, fetched from there.
    other = two_servers.admin_session(second)
    html = other.get(two_servers.url(second, f"/admin/images/{image_id}/"), timeout=30).text
    thumbnails = re.findall(rf'src="({re.escape(two_servers.endpoint)}/{BUCKET}/images/[^"]+)"', html)
    assert thumbnails, html[:2000]
    picture = requests.get(thumbnails[0], timeout=30)
    assert picture.status_code == 200
    assert revealing(exif_of(picture.content, ".jpg")) == {}


def test_a_take_down_through_one_server_reaches_both_and_nginx(two_servers):
    (first, _), (second, _) = two_servers.apps
    partners = "/en/partners/"
    partner_path = re.findall(r'href="(/en/partners/[^"/]+/)"', requests.get(two_servers.url(first, partners)).text)[0]
    slug = partner_path.rstrip("/").rsplit("/", 1)[1]
    for port in (first, second, two_servers.proxy):
        for _ in range(2):
            assert requests.get(two_servers.url(port, partner_path), timeout=30).status_code == 200
    session = two_servers.admin_session(first)
    response = two_servers.post(session, first, f"/admin/pages/{page_id(two_servers, slug)}/unpublish/", {})
    assert response.status_code == 302
    for port in (first, second):
        assert requests.get(two_servers.url(port, partner_path), timeout=30).status_code == 404, port
    deadline = time.monotonic() + 5
    while requests.get(two_servers.url(two_servers.proxy, partner_path), timeout=30).status_code != 404:
        assert time.monotonic() < deadline, "nginx still shows the page 5 s after the take-down"
        time.sleep(0.2)


def test_a_report_sent_through_either_server_is_notified_by_the_shared_worker(two_servers):
    for port in (port for port, _ in two_servers.apps):
        session = requests.Session()
        form = two_servers.url(port, "/en/get-help/report-abuse/")
        session.get(form, timeout=30)
        data = {"danger": "no", "concern": "offline", "what": "A neighbour's child is hurt at night."}
        response = two_servers.post(session, port, "/en/get-help/report-abuse/", data)
        assert response.status_code == 303, response.text[:500]
    deadline = time.monotonic() + 30
    while len(two_servers.inbox.messages) < 2:
        assert time.monotonic() < deadline, "the worker sent no notification"
        time.sleep(0.2)


def test_an_app_server_killed_mid_load_loses_no_request(two_servers):
    """Last: it kills the first app server. Eight visitors load pages through nginx for a second before and two
    seconds after; nginx retries what the dead server cannot answer on the other one."""
    (_, first_process), _ = two_servers.apps
    answers, lock, stop = [], threading.Lock(), threading.Event()

    def visitor(number):
        with requests.Session() as session:
            visit = 0
            while not stop.is_set():
                visit += 1
                url = two_servers.url(two_servers.proxy, f"/en/about/?visit={number}-{visit}")
                status = session.get(url, timeout=30).status_code
                with lock:
                    answers.append((time.monotonic(), status))

    threads = [threading.Thread(target=visitor, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    time.sleep(1)
    killed_at = time.monotonic()
    os.killpg(first_process.pid, signal.SIGKILL)  # the server and its workers, mid-request
    time.sleep(2)
    stop.set()
    for thread in threads:
        thread.join()
    statuses = [status for _, status in answers]
    after = [status for moment, status in answers if moment > killed_at]
    print(f"{len(answers)} requests, {len(after)} after the kill")
    assert len(after) >= 50
    assert set(statuses) == {200}, {status: statuses.count(status) for status in set(statuses)}
