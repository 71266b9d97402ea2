"""Two coordinators press approve at once through the API: one 200, one 409, one act."""

import threading
import time

import pytest
from django.db import connection, transaction

from rollkoll.audit.models import Event
from rollkoll.requests.models import AccessRequest
from tests import factories as f
from tests.requests.api.world import SAS_REPORTER_COURSES, World, act, client_for, sign


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_exactly_one_of_two_simultaneous_approvals_wins():
    sas = World.build("SAS")
    request_id = sas.apply(sas.employee(*SAS_REPORTER_COURSES)).json()["id"]
    assert sign(client_for(sas.manager), request_id).status_code == 200
    second = f.UserFactory(app_roles=[("coordinator", sas.organisation)])
    clients = [client_for(sas.coordinator), client_for(second, session=True)]
    statuses: list[int] = []

    def approve(client):
        try:
            statuses.append(act(client, request_id, "approve").status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(client,)) for client in clients]
    with transaction.atomic():
        # Hold the row so that both approvals wait on it at the same moment.
        AccessRequest.objects.select_for_update().get(pk=request_id)
        for thread in threads:
            thread.start()
        time.sleep(1)
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(statuses) == [200, 409]
    assert AccessRequest.objects.get(pk=request_id).stage == 2
    assert Event.objects.filter(action="request_approved").count() == 1
