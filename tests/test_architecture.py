"""Dependencies point one way. make lint's import contracts (pyproject.toml) check the imports; these tests
check what imports do not show: the migration graph, and models named as lazy "app.Model" strings."""

import re
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from tests.base import project_apps

# The project's own apps are the installed apps whose code is in this repository; all but the core are content apps.
PROJECT_APPS = {app.label for app in project_apps()}
CONTENT_APPS = PROJECT_APPS - {"aple_site"}


def test_every_app_of_the_repository_is_found():
    top_level_apps = {path.parent.name for path in Path(settings.BASE_DIR).glob("*/apps.py")}
    assert top_level_apps == PROJECT_APPS
    assert {"history", "offices", "programs", "help", "news", "stories"} <= CONTENT_APPS


def app_dependencies():
    """{app: apps its migrations depend on}, for the project's own apps."""
    graph = MigrationLoader(connection, ignore_no_migrations=True).graph
    depends = {app: set() for app in PROJECT_APPS}
    for key in graph.nodes:
        app = key[0]
        if app in PROJECT_APPS:
            parents = {parent.key[0] for parent in graph.node_map[key].parents}
            depends[app] |= (parents & PROJECT_APPS) - {app}
    return depends


def test_the_migration_graph_has_no_cycle_between_apps(db):
    depends = app_dependencies()
    try:
        order = list(TopologicalSorter(depends).static_order())
    except CycleError as error:
        raise AssertionError(f"migrations of these apps depend on each other: {error.args[1]}") from error
    assert order.index("offices") < order.index("programs") < order.index("history")
    assert order.index("programs") < order.index("publications")  # a publication names the programs it reports on
    assert depends["giving"] == depends["help"] == {"aple_site"}  # they stand on their own
    assert depends["aple_site"] == set()  # the core depends on no content app
    assert depends["offices"] == {"aple_site"}  # the base the others point at


def test_the_core_names_no_content_app_model():
    """Only the seed (whose home page links to the sections) and the settings, which wire the apps together, may
    say 'history.PartnerPage'."""
    core = Path(settings.BASE_DIR) / "aple_site"
    label = re.compile(rf"""["'](?:{"|".join(CONTENT_APPS)})\.[A-Z]\w*["']""")
    found = [
        f"{path.relative_to(core)}: {match.group()}"
        for path in core.rglob("*.py")
        if not {"seed", "settings", "migrations"} & set(path.relative_to(core).parts)
        for match in label.finditer(path.read_text())
    ]
    assert found == []
