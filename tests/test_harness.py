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
