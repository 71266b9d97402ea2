import importlib

import hypothesis
import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.db import connection
from pytest_django.plugin import blocking_manager_key

from tests.factories import UserFactory
from tests.migrating import migrate_to_latest
from tests.requests.api.world import World

# Property tests measure behaviour, not speed: a loaded CI machine must not fail them.
hypothesis.settings.register_profile("rollkoll", deadline=None)
hypothesis.settings.load_profile("rollkoll")

CATALOG_DATA = [
    importlib.import_module("rollkoll.catalog.migrations.0003_catalog_data").load_catalog,
    importlib.import_module("rollkoll.catalog.migrations.0004_manager_roles").mark_manager_roles,
]


def pytest_collection_modifyitems(config, items):
    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    skip = pytest.mark.skip(
        reason="needs PostgreSQL: set DATABASE_URL=postgres://... to run (CI does)"
    )
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(skip)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test ends by emptying every table, the migrated catalog too.

    Load the catalog again right after, as `rollkoll migrate` does, so every
    test finds the installation it would find in production. After the last
    test the test database is already gone, and before any test has set the
    database up it has no tables: then there is nothing to load.
    """
    try:
        return (yield)
    finally:
        marker = item.get_closest_marker("django_db")
        if nextitem is not None and marker and marker.kwargs.get("transaction"):
            with item.config.stash[blocking_manager_key].unblock():
                if "catalog_role" in connection.introspection.table_names():
                    for load in CATALOG_DATA:
                        load(django_apps, None)


@pytest.fixture
def back_to_latest():
    """Whatever a migration test does, the database ends at the newest migrations."""
    yield
    migrate_to_latest()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Tests create many accounts; a real hasher makes each one take most of a second."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def audit_checkpoint_file(settings, tmp_path):
    """Each test writes its audit checkpoints to a file of its own."""
    settings.AUDIT_CHECKPOINT_FILE = tmp_path / "audit-checkpoint.json"
    return settings.AUDIT_CHECKPOINT_FILE


@pytest.fixture
def specialist():
    """A user of payroll specialist support: sees everything, carries requests out."""
    return UserFactory(app_roles=["specialist"])


@pytest.fixture
def sas():
    """A unit at SÄS with its manager, a staffing coordinator and specialist support."""
    return World.build("SAS")
