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
from rollkoll.audit.verify import verify_chain
from rollkoll.errors import DomainError
from rollkoll.notify.models import OutboxMessage
from rollkoll.register.models import Grant
from rollkoll.requests.models import AccessRequest, RequestStatus
from rollkoll.requests.services import (
    request_approve,
    request_carry_out,
    request_return,
    requests_sign,
)
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


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_many_acts_at_once_on_the_same_forms_skip_no_stage_and_keep_the_chain(world):
    """Approvals, returns and carry-outs race on three forms; each form moves once per
    stage, and the audit chain verifies afterwards."""
    completed(world.employee, "intro", "for-chefer", "kurs-heromarapportor")
    forms = [
        requests_sign(
            requests=[draft(world.manager, world.employee, "heromarapportor", world.unit)],
            actor=world.manager,
            password=PASSWORD,
        )[0]
        for _ in range(3)
    ]
    acts = [
        (act, form, actor)
        for form in forms
        for act, actor in (
            (request_approve, world.coordinator),
            (request_approve, world.coordinator2),
            (request_carry_out, world.specialist),
            (request_return, world.coordinator2),
        )
    ]
    barrier = threading.Barrier(len(acts))
    unexpected: list[Exception] = []

    def take(act, form, actor):
        try:
            barrier.wait()
            kwargs = {"reason": "Komplettera."} if act is request_return else {}
            act(request=form, actor=actor, **kwargs)
        except DomainError:
            pass  # refused or lost the race: fine, as long as nothing half happened
        except Exception as error:  # e.g. a constraint hit: a 500 in the API
            unexpected.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=take, args=act) for act in acts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert unexpected == []
    assert verify_chain().intact
    for form in forms:
        form.refresh_from_db()
        actions = list(
            Event.objects.for_target(form).order_by("sequence").values_list("action", flat=True)
        )
        after_signing = actions[actions.index("request_signed") + 1 :]
        assert {"request_approved", "request_returned"} & set(after_signing)
        # The coordinator's stage is passed at most once; returned ends it there.
        assert after_signing.count("request_approved") <= 1
        assert not (
            "request_returned" in after_signing
            and "request_approved" in after_signing[after_signing.index("request_returned") :]
        )
        carried = "request_carried_out" in after_signing
        assert carried == (form.status == RequestStatus.COMPLETED)
        if carried:  # the specialist acted only after the coordinator's stage
            assert after_signing.index("request_approved") < after_signing.index(
                "request_carried_out"
            )
        assert Grant.objects.filter(person=world.employee).count() <= 1
