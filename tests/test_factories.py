"""Every page type of the project has a factory, in its app's factories.py, so every page type can be tested."""

import importlib
from pathlib import Path

from wagtail.models import get_page_models

from tests.base import project_apps

# The project's own apps: the installed apps whose package is a top-level folder of the repository.
PROJECT_APPS = project_apps()


def factory_models(app):
    """The models the factories of `app`'s factories.py build (none if it has no such module)."""
    if not (Path(app.path) / "factories.py").exists():
        return set()
    module = importlib.import_module(f"{app.name}.factories")
    return {obj._meta.model for obj in vars(module).values() if getattr(getattr(obj, "_meta", None), "model", None)}


def test_every_page_type_has_a_factory_in_its_app():
    assert {"aple_site", "history", "offices", "programs", "help", "publications", "giving", "news", "stories"} <= {
        app.label for app in PROJECT_APPS
    }
    missing = []
    for app in PROJECT_APPS:
        built = factory_models(app)
        missing += [
            f"{app.label}.{m.__name__}" for m in get_page_models() if m._meta.app_config is app and m not in built
        ]
    assert not missing, f"Page types without a factory in their app's factories.py: {sorted(missing)}"
