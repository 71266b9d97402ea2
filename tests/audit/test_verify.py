"""`rollkoll verify-audit` finds the first place where the chain was tampered with."""

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from rollkoll.audit.models import Event


def verify(capsys) -> tuple[int, str]:
    try:
        call_command("verify-audit")
    except SystemExit as stop:
        code = stop.code
    else:
        code = 0
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def rehash(tamper, at: int, **changes) -> None:
    """Rewrite one event as a forger would: new values and a matching hash."""
    event = Event.objects.get(sequence=at)
    for name, value in changes.items():
        setattr(event, name, value)
    tamper(
        "UPDATE audit_event SET sequence = %s, prev_hash = %s, hash = %s WHERE id = %s",
        [event.sequence, event.prev_hash, event.compute_hash(), event.pk],
    )


@pytest.mark.django_db
def test_an_empty_log_is_intact(capsys):
    assert verify(capsys) == (0, "OK: granskningsloggen är obruten (0 händelser).\n")


@pytest.mark.django_db
def test_an_untouched_chain_is_intact(chain, capsys):
    assert verify(capsys) == (0, "OK: granskningsloggen är obruten (5 händelser).\n")


@pytest.mark.django_db
def test_an_edited_event_is_named(chain, tamper, capsys):
    tamper("UPDATE audit_event SET after = %s WHERE sequence = 3", ['{"n": 99}'])

    code, output = verify(capsys)

    assert code == 1
    assert "händelse 3: kontrollsumman stämmer inte: händelsen har ändrats" in output


@pytest.mark.django_db
def test_a_deleted_event_is_named(chain, tamper, capsys):
    tamper("DELETE FROM audit_event WHERE sequence = 2")

    code, output = verify(capsys)

    assert code == 1
    assert "händelse 2 saknas (nästa är 3): händelser har raderats" in output


@pytest.mark.django_db
def test_a_deleted_first_event_is_named(chain, tamper, capsys):
    tamper("DELETE FROM audit_event WHERE sequence = 1")

    assert verify(capsys)[0] == 1


@pytest.mark.django_db
def test_reordered_events_are_named_even_with_recomputed_hashes(chain, tamper, capsys):
    rehash(tamper, 2, sequence=99)
    rehash(tamper, 3, sequence=2)
    rehash(tamper, 99, sequence=3)

    code, output = verify(capsys)

    assert code == 1
    assert "händelse 2 pekar inte på händelsen före" in output


@pytest.mark.django_db
def test_a_forged_event_with_a_valid_hash_breaks_the_next_link(chain, tamper, capsys):
    forged = Event.objects.get(sequence=3)
    forged.after = {"n": "forged"}
    tamper(
        "UPDATE audit_event SET after = %s, hash = %s WHERE id = %s",
        ['{"n": "forged"}', forged.compute_hash(), forged.pk],
    )

    code, output = verify(capsys)

    assert code == 1
    assert "händelse 4 pekar inte på händelsen före" in output


@pytest.mark.postgres
@pytest.mark.django_db
@pytest.mark.parametrize(
    "sql",
    ["UPDATE audit_event SET action = 'x' WHERE sequence = 1", "DELETE FROM audit_event"],
)
def test_the_database_refuses_plain_updates_and_deletes(chain, sql):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)

    assert Event.objects.count() == 5
    assert Event.objects.get(sequence=1).action == "org.unit.change"
