"""The translation status report (Reports → Translation status)."""

from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .translation_status import translation_tasks


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Translation status"
    header_icon = "globe"
    template_name = "aple_site/editing/translation_status.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["missing"], context["outdated"] = translation_tasks()
        return context
