import pytest
from django.conf import settings


def pytest_collection_modifyitems(config, items):
    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    skip = pytest.mark.skip(
        reason="needs PostgreSQL: set DATABASE_URL=postgres://... to run (CI does)"
    )
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(skip)
        _keep_catalog_after_flush(item)


def _keep_catalog_after_flush(item):
    """A transactional test ends by emptying every table, the migrated catalog too.

    Serialized rollback puts the migrated data back, so the tests after it still
    find the catalog that `rollkoll migrate` loads.
    """
    marker = item.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction") and "serialized_rollback" not in marker.kwargs:
        item.add_marker(
            pytest.mark.django_db(*marker.args, **marker.kwargs, serialized_rollback=True),
            append=False,
        )


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Tests create many accounts; a real hasher makes each one take most of a second."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
