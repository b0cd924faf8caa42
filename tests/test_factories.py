"""Every page type of the project has a factory, so every page type can be tested."""

from django.apps import apps
from django.conf import settings

from wagtail.models import get_page_models

from tests import factories

# The project's own apps: those whose package is a top-level folder of the project.
PROJECT_APPS = {app.label for app in apps.get_app_configs() if (settings.BASE_DIR / app.name).is_dir()}


def test_every_page_type_has_a_factory():
    assert {"aple_site", "history", "offices", "programs", "help", "publications", "giving"} <= PROJECT_APPS
    factory_models = {
        obj._meta.model for obj in vars(factories).values() if hasattr(obj, "_meta") and hasattr(obj._meta, "model")
    }
    page_models = {m for m in get_page_models() if m._meta.app_label in PROJECT_APPS}
    missing = sorted(m.__name__ for m in page_models - factory_models)
    assert not missing, f"Page types without a factory in tests/factories.py: {missing}"
