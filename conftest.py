"""The test harness of the whole repository (tests/ and every app's tests/): tests/fixtures.py."""

pytest_plugins = ["tests.fixtures"]
