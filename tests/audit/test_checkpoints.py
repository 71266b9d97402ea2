"""The worker checkpoints the chain's head; a flush still empties the append-only table."""

import json
import logging

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from rollkoll.audit.checkpoints import checkpoint_head, read_checkpoint
from rollkoll.audit.models import Event
from rollkoll.audit.services import record
from rollkoll.notify.management.commands.worker import run_periodic_jobs


def append(count: int) -> None:
    for number in range(count):
        with transaction.atomic():
            record(actor=None, action="test.write", after={"n": number})


@pytest.mark.django_db
def test_the_worker_checkpoints_the_head_as_the_chain_grows(chain, audit_checkpoint_file):
    run_periodic_jobs()

    first = json.loads(audit_checkpoint_file.read_text())
    assert (first["sequence"], first["hash"]) == (5, Event.objects.get(sequence=5).hash)
    assert len(first["hmac"]) == 64

    append(2)
    run_periodic_jobs()

    assert read_checkpoint().sequence == 7


@pytest.mark.django_db
def test_an_unchanged_head_is_not_written_again(chain, audit_checkpoint_file):
    first = checkpoint_head()
    audit_checkpoint_file.unlink()
    audit_checkpoint_file.write_text(first.as_json())

    assert checkpoint_head() == first


@pytest.mark.django_db
def test_an_empty_log_gets_no_checkpoint(audit_checkpoint_file):
    assert checkpoint_head() is None
    assert not audit_checkpoint_file.exists()


@pytest.mark.django_db
def test_the_worker_does_not_checkpoint_a_broken_chain(chain, tamper, caplog):
    checkpoint_head()
    append(2)
    tamper("DELETE FROM audit_event WHERE sequence = 6")

    with caplog.at_level(logging.ERROR):
        assert checkpoint_head() is None

    assert read_checkpoint().sequence == 5
    assert "händelse 6 saknas" in caplog.text


@pytest.mark.django_db
def test_the_worker_notices_truncation_below_its_checkpoint(chain, tamper, caplog):
    checkpoint_head()
    tamper("DELETE FROM audit_event WHERE sequence = 5")

    with caplog.at_level(logging.ERROR):
        assert checkpoint_head() is None

    assert read_checkpoint().sequence == 5
    assert "kedjan slutar vid händelse 4" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_a_flush_empties_the_log_and_the_table_stays_append_only():
    append(2)

    call_command("flush", interactive=False, verbosity=0)

    assert Event.objects.count() == 0
    append(1)
    with pytest.raises(DatabaseError, match="append-only"), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_event")
    assert Event.objects.count() == 1
