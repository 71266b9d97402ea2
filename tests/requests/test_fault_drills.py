"""Fault drills on real PostgreSQL: a connection killed in the middle of an act.

The carry-out below is stopped after it has written (its transaction holds an
id) and while it waits for the audit chain's lock; its backend is then
terminated, as a crashed server or a cut network would. Nothing of it may
remain, and the act can be taken again afterwards.
"""

import threading
import time

import psycopg
import pytest
from django.db import connection

from rollkoll.audit.models import Event
from rollkoll.audit.services import CHAIN_LOCK_KEY
from rollkoll.notify.models import OutboxMessage
from rollkoll.register.models import Grant
from rollkoll.requests.models import AccessRequest, RequestStatus
from rollkoll.requests.services import request_approve, request_carry_out, requests_sign
from tests.factories import PASSWORD
from tests.requests.flow import completed, draft

WAITING_WRITER = """
    SELECT pid FROM pg_stat_activity
    WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'
      AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()
"""


def state(request_id):
    return (
        AccessRequest.objects.filter(pk=request_id).values_list("status", flat=True).get(),
        Grant.objects.count(),
        Event.objects.count(),
        OutboxMessage.objects.count(),
    )


def waiting_writer(watcher, seconds=20.0):
    """The backend that has written and now waits for the chain's lock.

    Asked on a connection of its own outside a transaction: within one,
    PostgreSQL shows the same snapshot of its activity each time.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        row = watcher.execute(WAITING_WRITER).fetchone()
        if row:
            return row[0]
        time.sleep(0.05)
    raise AssertionError("the act never reached the audit chain's lock")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_connection_killed_mid_carry_out_leaves_nothing_half_written(world):
    completed(world.employee, "intro", "for-chefer", "kurs-heromarapportor")
    [request] = requests_sign(
        requests=[draft(world.manager, world.employee, "heromarapportor", world.unit)],
        actor=world.manager,
        password=PASSWORD,
    )
    request_approve(request=request, actor=world.coordinator)
    before = state(request.pk)
    failures: list[Exception] = []

    def carry_out():
        try:
            request_carry_out(request=request, actor=world.specialist)
        except Exception as error:  # the killed connection's error, whatever its class
            failures.append(error)
        finally:
            connection.close()

    params = connection.get_connection_params()
    with (
        psycopg.connect(**params, autocommit=False) as holder,
        psycopg.connect(**params, autocommit=True) as watcher,
    ):
        holder.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])
        worker = threading.Thread(target=carry_out)
        worker.start()
        watcher.execute("SELECT pg_terminate_backend(%s)", [waiting_writer(watcher)])
        worker.join(timeout=30)
        holder.rollback()

    assert failures, "the carry-out should have lost its connection"
    assert state(request.pk) == before
    done = request_carry_out(
        request=AccessRequest.objects.get(pk=request.pk), actor=world.specialist
    )
    assert done.status == RequestStatus.COMPLETED
    assert Grant.objects.count() == before[1] + 1
