import pytest
from django.db import connection, transaction

from rollkoll.audit.services import record
from rollkoll.audit.sqlite import DROP_TRIGGERS
from tests.factories import UnitFactory, UserFactory


@pytest.fixture
def chain(db):
    """Five events on one unit, written by one user, each in its own transaction."""
    user = UserFactory()
    unit = UnitFactory()
    for number in range(5):
        with transaction.atomic():
            record(actor=user, action="org.unit.change", target=unit, after={"n": number})
    return unit


@pytest.fixture
def tamper():
    """Run SQL on the event table past the append-only triggers (as an intruder with
    database superuser rights could), for the rest of the test's transaction."""

    def run(sql: str, params: list | None = None) -> None:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SET LOCAL session_replication_role = replica")
            else:
                for drop in DROP_TRIGGERS:
                    cursor.execute(drop)
            cursor.execute(sql, params or [])

    return run
