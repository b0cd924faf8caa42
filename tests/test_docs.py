"""The docs stay true to the code: every environment variable the site reads is in the configuration reference,
and the README stays a front door."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# os.environ.get("X"), os.environ["X"], env_bool("X"), env_list("X"): how the site reads its configuration.
READ = re.compile(r"""(?:environ\.get|environ\[|env_bool|env_list|getenv)\(?\s*["']([A-Z][A-Z0-9_]+)["']""")
NOT_CONFIGURATION = {"PATH"}  # passed through to a child process, not a setting


def variables_read_by_the_site():
    found = {}
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in {".venv", "node_modules", "tests", "scripts"} or "tests" in relative.parts:
            continue
        for name in READ.findall(path.read_text()):
            found.setdefault(name, str(relative))
    return {name: where for name, where in found.items() if name not in NOT_CONFIGURATION}


def test_every_environment_variable_is_in_the_configuration_reference():
    variables = variables_read_by_the_site()
    assert {"SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL", "REPORTS_ENCRYPTION_KEYS"} <= set(variables)
    reference = (ROOT / "docs" / "operators" / "configuration.md").read_text()
    missing = {name: where for name, where in variables.items() if f"`{name}`" not in reference}
    assert not missing, f"Read by the site but not in docs/operators/configuration.md: {missing}"


def test_the_readme_is_a_front_door_that_points_at_pages_that_exist():
    readme = (ROOT / "README.md").read_text()
    assert len(readme.splitlines()) <= 250
    assert "make run" in readme and "make test" in readme
    links = re.findall(r"\]\(((?:docs/|CHANGELOG)[^)#]+)", readme)
    assert len(links) >= 10
    assert [link for link in links if not (ROOT / link).exists()] == []
