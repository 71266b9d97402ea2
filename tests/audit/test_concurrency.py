"""Concurrent writers on PostgreSQL: every append links to the one before it."""

import threading

import pytest
from django.db import connection, transaction

from rollkoll.audit.models import Event
from rollkoll.audit.services import record
from rollkoll.audit.verify import verify_chain

WRITERS = 8
EVENTS_EACH = 25


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_the_chain_intact():
    start = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def write(writer: int) -> None:
        try:
            start.wait()
            for number in range(EVENTS_EACH):
                with transaction.atomic():
                    record(actor=None, action="test.write", after={"w": writer, "n": number})
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(w,)) for w in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    verdict = verify_chain()
    assert verdict.intact, verdict.first_break
    assert verdict.checked == Event.objects.count() == WRITERS * EVENTS_EACH
