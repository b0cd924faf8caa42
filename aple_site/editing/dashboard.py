"""Panels of the admin's dashboard (registered in aple_site/wagtail_hooks.py). Wagtail's own panels stay:
'Awaiting your review' (pages in moderation that the user can approve) and the user's drafts."""

from django.urls import reverse

from wagtail.admin.ui.components import Component

from .review import images_without_alt_text, pages_due_for_review
from .translation_status import translation_tasks

SHOWN = 5  # items per panel; the rest are counted, and the translation report lists them all


class DashboardPanel(Component):
    order = 150

    def __init__(self, request):
        self.request = request


class PagesToReviewPanel(DashboardPanel):
    name = "pages_to_review"
    template_name = "aple_site/editing/pages_to_review_panel.html"
    order = 160

    def get_context_data(self, parent_context=None):
        due = pages_due_for_review()
        return {"pages": due[:SHOWN], "more": max(len(due) - SHOWN, 0)}


class TranslationsPanel(DashboardPanel):
    name = "translations"
    template_name = "aple_site/editing/translations_panel.html"
    order = 170

    def get_context_data(self, parent_context=None):
        missing, outdated = translation_tasks()
        return {
            "missing": missing[:SHOWN],
            "outdated": outdated[:SHOWN],
            "missing_count": len(missing),
            "outdated_count": len(outdated),
            "report_url": reverse("translation_status"),
        }


class ImagesWithoutAltTextPanel(DashboardPanel):
    name = "images_without_alt_text"
    template_name = "aple_site/editing/images_panel.html"
    order = 180

    def get_context_data(self, parent_context=None):
        images = images_without_alt_text()
        return {"images": images[:SHOWN], "count": images.count()}


def editors_panels(request):
    return [PagesToReviewPanel(request), TranslationsPanel(request), ImagesWithoutAltTextPanel(request)]
