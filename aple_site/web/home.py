"""What the home page shows from the content apps, without the core naming them: each app answers a Wagtail
hook (in its wagtail_hooks.py).

- "home_page_figures": fn(home) -> {"order", "value", "label"} or None. Figures are counted from the published
  pages, never typed in, and a figure with nothing to count is left out.
- "home_page_latest": fn(home) -> {"heading", "items", "more"} or None: the latest items of a section.

Both are read once per content version and language (SitePage.related_context), so they must not depend on the
request.
"""

from wagtail import hooks

from ..caching.version import cached
from ..i18n.languages import active_language


def home_page_figures(home):
    """The key figures, counted once per content version and language (labels are stored translated)."""

    def build():
        figures = [figure for hook in hooks.get_hooks("home_page_figures") if (figure := hook(home))]
        return sorted(figures, key=lambda figure: figure["order"])

    return cached(f"home-figures:{home.pk}:{active_language()}", build)


def home_page_latest(home):
    return [latest for hook in hooks.get_hooks("home_page_latest") if (latest := hook(home))]
