"""Personnummer in the audit log: masked for auditors, whole for specialist support and
administrators, and each whole one shown is itself recorded."""

import pytest
from django.urls import reverse

from rollkoll.audit.models import Event
from rollkoll.audit.services import mask_personnummer, record
from tests.clients import client_for
from tests.factories import PersonFactory, UserFactory

OLD, NEW = "19121212-1212", "19800101-0008"


@pytest.fixture
def person_edit(db):
    """An admin edit of a person's personnummer, as the audited admin records it."""
    person = PersonFactory(personnummer=NEW)
    return record(
        actor=None,
        action="org.person.change",
        target=person,
        before={"personnummer": OLD, "employee_id": person.employee_id},
        after={"personnummer": NEW, "employee_id": person.employee_id},
    )


def viewed() -> list[Event]:
    return list(Event.objects.filter(action="personnummer_viewed"))


@pytest.mark.parametrize("path", ["/api/v1/audit-events/", "/api/v1/audit-events/1/"])
def test_an_auditor_sees_personnummer_masked_and_nothing_is_recorded(person_edit, path):
    body = client_for(UserFactory(app_roles=["auditor"])).get(path).json()

    event = body["results"][0] if "results" in body else body
    assert event["before"]["personnummer"] == "19121212-****"
    assert event["after"]["personnummer"] == "19800101-****"
    assert event["hash"] == person_edit.hash
    assert viewed() == []


@pytest.mark.parametrize("app_role", ["specialist", "admin"])
def test_specialist_support_and_administrators_see_them_whole_and_it_is_recorded(
    person_edit, app_role
):
    viewer = UserFactory(app_roles=[app_role])
    client = client_for(viewer)

    listed = client.get("/api/v1/audit-events/").json()["results"]
    one = client.get(f"/api/v1/audit-events/{person_edit.sequence}/").json()

    assert listed[0]["before"]["personnummer"] == one["before"]["personnummer"] == OLD
    assert [(e.actor, e.target_id, e.after) for e in viewed()] == [
        (viewer, "", {"via": "api.audit-events", "audit_events": [person_edit.sequence]})
    ] * 2
    assert OLD not in str(viewed()[0].after)


@pytest.mark.django_db
def test_a_page_without_personnummer_is_not_recorded():
    record(actor=None, action="org.unit.create", after={"code": "4711"})

    client_for(UserFactory(app_roles=["specialist"])).get("/api/v1/audit-events/")

    assert viewed() == []


def test_the_admin_masks_the_list_and_records_a_whole_event_shown(admin_client, person_edit):
    signed_in_by_personnummer = UserFactory(username=OLD)
    record(actor=signed_in_by_personnummer, action="test.write")

    listed = admin_client.get(reverse("admin:audit_event_changelist"))
    shown = admin_client.get(reverse("admin:audit_event_change", args=[person_edit.pk]))

    assert listed.status_code == shown.status_code == 200
    assert OLD not in listed.content.decode()
    assert "19121212-****" in listed.content.decode()
    assert OLD in shown.content.decode()
    assert [e.after for e in viewed()] == [
        {"via": "admin.audit-event", "audit_events": [person_edit.sequence]}
    ]


def test_a_persons_admin_page_records_the_view(admin_client, admin_user):
    person = PersonFactory()

    response = admin_client.get(reverse("admin:org_person_change", args=[person.pk]))

    assert person.personnummer in response.content.decode()
    assert [(e.actor, e.target_id, e.after) for e in viewed()] == [
        (admin_user, str(person.pk), {"via": "admin.person", "employee_ids": [person.employee_id]})
    ]


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("19121212-1212", "19121212-****"),
        ("Byte 121212-1212 och 121212+1212.", "Byte 121212-**** och 121212+****."),
        ("191212121212", "19121212-****"),
        ("2026-01-01", "2026-01-01"),
        ("2026-12-02T00:09:27.262023+00:00", "2026-12-02T00:09:27.262023+00:00"),
        ("20261201-1234-4abc-8def-123456789012", "20261201-1234-4abc-8def-123456789012"),
        ("a" + "0" * 63, "a" + "0" * 63),
        ("E000123", "E000123"),
    ],
)
def test_personnummer_are_found_in_any_text_and_nothing_else(text, masked):
    assert mask_personnummer(text) == masked


def test_keys_and_nested_values_are_masked():
    assert mask_personnummer({OLD: [{"pnr": NEW}, 7, None]}) == {
        "19121212-****": [{"pnr": "19800101-****"}, 7, None]
    }
