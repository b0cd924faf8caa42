"""Where an uncached page's time goes: `python scripts/profile_page.py /en/our-work/… /en/history/ …`.

Renders each address 30 times in-process with the page cache off (local settings, DEBUG off, the local database),
under cProfile, and prints the share of the time spent in the parts issue 20 named: Wagtail's site lookup,
routing, privacy rules, the page's context, template rendering, URL building, and building against running SQL.
Shares, not milliseconds: the profiler slows everything about three times."""

import cProfile
import os
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aple_site.settings.dev")
os.environ["PAGE_CACHE"] = "false"
os.environ["DEBUG"] = "false"

# (file the function is in, or None for any of the project's, function name)
PARTS = {
    "Site.find_for_request": ("wagtail/models/sites.py", "find_for_request"),
    "routing": ("aple_site/web/routing.py", "route_below"),
    "privacy rules": ("aple_site/mixins.py", "get_view_restrictions"),
    "get_context": (None, "get_context"),
    "template rendering": ("django/template/response.py", "render"),
    "get_url_parts": ("wagtail/models/pages.py", "get_url_parts"),
    "building SQL": ("django/db/models/sql/compiler.py", "as_sql"),
    "running SQL": ("django/db/backends/utils.py", "execute"),
}
RENDERS = 30


def share(stats, total, where, name):
    """(share of the total, calls) of the outermost calls of the function."""
    cumulative = calls = 0
    for (file, _, function), (count, _, _, cum, callers) in stats.items():
        if function != name or (where and not file.endswith(where)) or (not where and "site-packages" in file):
            continue
        if any(caller[2] == name for caller in callers):  # (recursive: counted at the outermost call)
            continue
        cumulative += cum
        calls += count
    return cumulative / total, calls / RENDERS


def main(paths):
    import django

    django.setup()
    from django.test import Client

    client = Client()
    for path in paths:
        for _ in range(3):
            client.get(path)  # warm: what a running server keeps
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(RENDERS):
            client.get(path)
        profiler.disable()
        stats = pstats.Stats(profiler)
        parts = (
            f"{label} {part:.0%} ({calls:.0f}/request)"
            for label, (where, name) in PARTS.items()
            for part, calls in [share(stats.stats, stats.total_tt, where, name)]
        )
        print(f"{path}: {stats.total_tt / RENDERS * 1000:.1f} ms a request under the profiler; " + "; ".join(parts))


if __name__ == "__main__":
    main(sys.argv[1:] or ["/en/our-work/strategy-2016-2020/community-engagement/", "/en/history/", "/en/"])
