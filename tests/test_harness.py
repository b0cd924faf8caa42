"""The test harness itself: the seeded snapshot really brings the database back after committed changes."""

from wagtail.models import Page

from aple_site.models import StandardPage


def test_the_snapshot_undoes_committed_changes(committed_db, seeded_snapshot):
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    pages = Page.objects.count()
    about.title = "Changed by a test"
    about.save()
    Page.objects.filter(slug="history").delete()
    assert Page.objects.count() < pages

    seeded_snapshot.restore()

    assert StandardPage.objects.get(pk=about.pk).title == "About APLE"
    assert Page.objects.count() == pages
    # Sequences continue after the restored rows: a new page gets a fresh id.
    extra = about.add_child(instance=StandardPage(title="New page", slug="new-page"))
    assert extra.pk > max(Page.objects.exclude(pk=extra.pk).values_list("pk", flat=True))


def test_changes_after_a_restore_are_undone_too(committed_db, seeded_snapshot):
    """The snapshot restores only the tables whose fingerprint changed; after a restore it knows the restored
    tables' new fingerprints, so the next change to them is seen and undone as well."""
    for attempt in range(2):
        about = StandardPage.objects.get(slug="about", locale__language_code="en")
        StandardPage.objects.filter(pk=about.pk).update(title=f"Changed {attempt}")
        seeded_snapshot.restore()
        assert StandardPage.objects.get(pk=about.pk).title == "About APLE", attempt
    only_deleted = Page.objects.filter(slug="cookie-policy").first()
    only_deleted.delete()
    seeded_snapshot.restore()
    assert Page.objects.filter(pk=only_deleted.pk).exists()


def test_the_seed_is_restored_only_after_the_live_server_has_answered(committed_db, site_server, monkeypatch):
    """A browser closed at the end of a test may leave a request in progress (a preview, an autosave): restoring
    the database under it failed with "database is in use", and the next test met the last one's data. The
    restore waits until the server has answered."""
    import threading
    import time
    import urllib.request

    from aple_site.models import StandardPage
    from tests.fixtures import LIVE_SERVER_REQUESTS

    served = threading.Event()

    def slow_serve(self, request, *args, **kwargs):
        time.sleep(0.5)
        response = original(self, request, *args, **kwargs)
        served.set()
        return response

    original = StandardPage.serve
    monkeypatch.setattr(StandardPage, "serve", slow_serve)
    visit = threading.Thread(target=lambda: urllib.request.urlopen(f"{site_server.url}/en/about/", timeout=10).read())
    visit.start()
    time.sleep(0.1)  # the request has reached the server, which takes half a second to answer it

    LIVE_SERVER_REQUESTS.wait_until_idle()

    assert served.is_set() and LIVE_SERVER_REQUESTS.count == 0
    visit.join()
