"""`rollkoll verify-audit` finds the first place where the chain was tampered with."""

import json

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from rollkoll.audit.models import GENESIS_HASH, Event

NO_CHECKPOINT = (
    "Ingen kontrollpunkt ännu: att inga av de senaste händelserna raderats går inte att visa.\n"
)


def verify(capsys, *args: str) -> tuple[int, str]:
    try:
        call_command("verify-audit", *args)
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
    assert verify(capsys) == (
        0,
        "OK: granskningsloggen är obruten (0 händelser).\n" + NO_CHECKPOINT,
    )


@pytest.mark.django_db
def test_an_untouched_chain_is_intact(chain, capsys):
    assert verify(capsys) == (
        0,
        "OK: granskningsloggen är obruten (5 händelser).\n" + NO_CHECKPOINT,
    )


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
def test_a_forged_event_with_a_valid_hash_is_named_by_its_seal(chain, tamper, capsys):
    forged = Event.objects.get(sequence=3)
    forged.after = {"n": "forged"}
    tamper(
        "UPDATE audit_event SET after = %s, hash = %s WHERE id = %s",
        ['{"n": "forged"}', forged.compute_hash(), forged.pk],
    )

    code, output = verify(capsys)

    assert code == 1
    assert "händelse 3: sigillet stämmer inte: kedjan har skrivits om utan nyckeln" in output


@pytest.mark.django_db
def test_a_whole_chain_rewritten_with_recomputed_hashes_is_caught(chain, tamper, capsys):
    prev_hash = GENESIS_HASH
    for event in Event.objects.order_by("sequence"):
        event.after = {"n": "rewritten"}
        event.prev_hash = prev_hash
        prev_hash = event.compute_hash()
        tamper(
            "UPDATE audit_event SET after = %s, prev_hash = %s, hash = %s WHERE id = %s",
            [json.dumps(event.after), event.prev_hash, prev_hash, event.pk],
        )

    code, output = verify(capsys)

    assert code == 1
    assert "händelse 1: sigillet stämmer inte" in output


@pytest.mark.django_db
def test_the_newest_events_deleted_after_a_checkpoint_are_caught(chain, tamper, capsys):
    assert verify(capsys, "--checkpoint") == (
        0,
        "OK: granskningsloggen är obruten (5 händelser).\n"
        + NO_CHECKPOINT
        + "Kontrollpunkt skriven: händelse 5.\n",
    )
    tamper("DELETE FROM audit_event WHERE sequence >= 4")

    code, output = verify(capsys)

    assert code == 1
    assert "kedjan slutar vid händelse 3 men kontrollpunkten från " in output
    assert "når händelse 5: de senaste händelserna har raderats" in output


@pytest.mark.django_db
def test_the_whole_log_deleted_after_a_checkpoint_is_caught(chain, tamper, capsys):
    verify(capsys, "--checkpoint")
    tamper("DELETE FROM audit_event")

    code, output = verify(capsys)

    assert code == 1
    assert "kedjan slutar vid händelse 0" in output


@pytest.mark.django_db
def test_a_checkpoint_that_still_holds_is_named(chain, capsys):
    verify(capsys, "--checkpoint")

    code, output = verify(capsys)

    assert code == 0
    assert "(händelse 5) stämmer." in output


@pytest.mark.django_db
def test_a_broken_chain_is_not_checkpointed(chain, tamper, audit_checkpoint_file, capsys):
    tamper("DELETE FROM audit_event WHERE sequence = 2")

    assert verify(capsys, "--checkpoint")[0] == 1
    assert not audit_checkpoint_file.exists()


@pytest.mark.django_db
def test_a_checkpoint_moved_back_without_the_key_is_refused(
    chain, tamper, audit_checkpoint_file, capsys
):
    verify(capsys, "--checkpoint")
    tamper("DELETE FROM audit_event WHERE sequence >= 4")
    forged = json.loads(audit_checkpoint_file.read_text())
    forged.update(sequence=3, hash=Event.objects.get(sequence=3).hash)
    audit_checkpoint_file.write_text(json.dumps(forged))

    code, output = verify(capsys)

    assert code == 1
    assert "är inte signerad med AUDIT_HMAC_KEY" in output


@pytest.mark.django_db
def test_a_checkpoint_signed_with_another_key_is_refused(chain, settings, capsys):
    verify(capsys, "--checkpoint")
    settings.AUDIT_HMAC_KEY = "another-key-of-at-least-32-characters"

    code, output = verify(capsys)

    assert code == 1
    assert "är inte signerad med AUDIT_HMAC_KEY" in output


@pytest.mark.django_db
def test_an_unreadable_checkpoint_is_named(chain, audit_checkpoint_file, capsys):
    audit_checkpoint_file.write_text("not json")

    code, output = verify(capsys)

    assert code == 1
    assert "går inte att läsa" in output


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
