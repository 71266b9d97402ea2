"""A database from before seals migrates with every event sealed and the chain intact."""

import datetime as dt

import pytest
from django.db import DatabaseError, connection

from rollkoll.audit.models import GENESIS_HASH, Event
from rollkoll.audit.verify import verify_chain
from tests.migrating import migrate

BEFORE = [("audit", "0002_append_only_trigger")]
AFTER = [("audit", "0004_sqlite_append_only_triggers")]


def unsealed_events(old_apps, count: int) -> None:
    """Events as the code before seals wrote them: chained, hashed, no seal."""
    OldEvent = old_apps.get_model("audit", "Event")
    prev_hash = GENESIS_HASH
    for sequence in range(1, count + 1):
        fields = {
            "sequence": sequence,
            "occurred_at": dt.datetime(2026, 1, 1, 12, sequence, tzinfo=dt.UTC),
            "action": "test.write",
            "after": {"n": sequence},
            "prev_hash": prev_hash,
        }
        prev_hash = Event(**fields).compute_hash()
        OldEvent.objects.create(**fields, hash=prev_hash)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_latest")
def test_existing_events_are_sealed_and_the_table_stays_append_only():
    unsealed_events(migrate(BEFORE), 3)

    migrate(AFTER)

    verdict = verify_chain()
    assert (verdict.intact, verdict.checked) == (True, 3)
    with pytest.raises(DatabaseError, match="append-only"), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_event SET action = 'x'")
