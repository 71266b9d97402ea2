"""Two coordinators approve the same stage at once, on real PostgreSQL connections."""

import threading
import time

import pytest
from django.db import connection, transaction

from rollkoll.audit.selectors import events_for
from rollkoll.errors import Conflict
from rollkoll.notify.models import OutboxMessage
from rollkoll.requests.models import AccessRequest
from rollkoll.requests.services import request_approve, requests_sign
from tests.factories import PASSWORD
from tests.requests.flow import completed, draft


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_exactly_one_of_two_simultaneous_approvals_wins(world):
    completed(world.employee, "intro", "for-chefer", "kurs-heromarapportor")
    request = draft(world.manager, world.employee, "heromarapportor", world.unit)
    [request] = requests_sign(requests=[request], actor=world.manager, password=PASSWORD)
    queued = OutboxMessage.objects.count()
    outcomes: dict[str, object] = {}

    def approve(actor):
        try:
            outcomes[actor.username] = request_approve(request=request, actor=actor).stage
        except Conflict as error:
            outcomes[actor.username] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=approve, args=(actor,))
        for actor in (world.coordinator, world.coordinator2)
    ]
    with transaction.atomic():
        # Hold the row so that both approvals are waiting on it at the same moment.
        AccessRequest.objects.select_for_update().get(pk=request.pk)
        for thread in threads:
            thread.start()
        time.sleep(1)
    for thread in threads:
        thread.join(timeout=30)

    results = list(outcomes.values())
    assert sorted(type(r).__name__ for r in results) == ["Conflict", "int"]
    assert 2 in results
    request.refresh_from_db()
    assert (request.status, request.stage) == ("in_review", 2)
    assert events_for(request).filter(action="request_approved").count() == 1
    assert OutboxMessage.objects.count() == queued + 1  # specialist support, once
