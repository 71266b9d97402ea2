import pytest
from rest_framework.test import APIClient

from rollkoll.audit.services import record
from rollkoll.org.models import AppRole, AppRoleKind
from tests.factories import UnitFactory, UserFactory


def client_for(kind=None) -> APIClient:
    user = UserFactory()
    if kind:
        AppRole.objects.create(user=user, kind=kind)
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.django_db
def test_an_auditor_reads_one_objects_history():
    unit, other = UnitFactory(), UnitFactory()
    record(actor=None, action="org.unit.create", target=unit, after={"code": unit.code})
    record(actor=None, action="org.unit.create", target=other)
    record(actor=None, action="org.unit.change", target=unit, before={"a": 1}, after={"a": 2})

    response = client_for(AppRoleKind.AUDITOR).get(
        "/api/v1/audit-events/", {"target_type": "org.unit", "target_id": unit.pk}
    )

    assert response.status_code == 200
    events = response.json()["results"]
    assert [(e["sequence"], e["action"], e["actor"]) for e in events] == [
        (1, "org.unit.create", "Systemet"),
        (3, "org.unit.change", "Systemet"),
    ]
    assert events[1]["before"] == {"a": 1}
    assert events[1]["prev_hash"] != events[1]["hash"]


@pytest.mark.django_db
def test_others_see_no_events():
    event = record(actor=None, action="org.unit.create")
    client = client_for()

    assert client.get("/api/v1/audit-events/").json()["results"] == []
    assert client.get(f"/api/v1/audit-events/{event.sequence}/").status_code == 404
    assert (
        client_for(AppRoleKind.SPECIALIST)
        .get(f"/api/v1/audit-events/{event.sequence}/")
        .json()["action"]
        == "org.unit.create"
    )


@pytest.mark.django_db
def test_the_log_cannot_be_written_through_the_api():
    event = record(actor=None, action="org.unit.create")
    client = client_for(AppRoleKind.ADMIN)

    assert client.post("/api/v1/audit-events/", {}).status_code == 405
    assert client.delete(f"/api/v1/audit-events/{event.sequence}/").status_code == 405
