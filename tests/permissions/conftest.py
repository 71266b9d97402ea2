import pytest
from django.db import transaction
from django.test import override_settings

from tests.permissions.world import World, build


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker) -> World:
    """Built once per module in a transaction rolled back after its last test.

    Each test runs in a savepoint inside it (pytest-django's own transaction),
    so whatever a test changes is gone before the next one.
    """
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=hashers),
        transaction.atomic(),
    ):
        yield build()
        transaction.set_rollback(True)
