"""News on the home page (aple_site/web/home.py): the latest items of the visitor's language, when there are any."""

from django.utils.translation import gettext as _

from wagtail import hooks

from .models import LATEST_ON_HOME, NewsIndexPage


@hooks.register("home_page_latest")
def latest_news(home):
    index = NewsIndexPage.objects.live().child_of(home).first()
    items = list(index.live_news()[:LATEST_ON_HOME]) if index else []
    if not items:
        return None
    return {"heading": _("Latest news"), "items": items, "more": index, "more_text": _("All news")}
