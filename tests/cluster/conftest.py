"""Past one server: two app servers behind the shipped nginx, sharing PostgreSQL, Redis, the task queue and media
in an object store (SeaweedFS's S3 gateway). `make test-cluster` runs these (CI does, once, on PostgreSQL);
`make test` leaves them out (they take longer than a minute)."""

import pytest


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/cluster/" in str(item.fspath):
            item.add_marker(pytest.mark.cluster)
