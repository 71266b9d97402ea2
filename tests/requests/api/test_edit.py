"""PATCH /api/v1/requests/{id}/: the preparer edits a draft or a returned form.

Only the fields sent change; the edit is checked as a new form is, audited with
its before and after, and a returned form is signed again after it.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rollkoll.audit.models import Event
from rollkoll.requests.models import AccessRequest
from tests import factories as f
from tests.requests.api.world import (
    SAS_REPORTER_COURSES,
    act,
    client_for,
    everything,
    sign,
    today,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(sas):
    created = sas.apply(sas.employee(*SAS_REPORTER_COURSES), comment="Ny på enheten.")
    assert created.status_code == 201, created.content
    return created.json()["id"]


@pytest.fixture
def returned(sas, draft):
    assert sign(client_for(sas.manager), draft).status_code == 200
    response = act(client_for(sas.coordinator), draft, "return", reason="Fel startdatum.")
    assert response.json()["status"] == "returned"
    return draft


def patch(client, request_id, **body):
    return client.patch(f"/api/v1/requests/{request_id}/", body, format="json")


def refused(client, request_id, status, **body):
    """The edit is refused with the JSON error body, and nothing changes."""
    before = everything(request_id)
    response = patch(client, request_id, **body)
    assert response.status_code == status, response.content
    assert set(response.json()) >= {"error", "detail"}
    assert everything(request_id) == before
    return response.json()


def test_a_returned_form_is_edited_and_signed_again(sas, returned):
    later = today() + dt.timedelta(days=14)
    other_unit = f.UnitFactory(business_area=sas.unit.business_area)
    manager = client_for(sas.manager)
    edited = patch(
        manager,
        returned,
        units=[sas.unit.code, other_unit.code],
        valid_from=later.isoformat(),
        comment="Rättat startdatum.",
    )
    assert edited.status_code == 200, edited.content
    body = edited.json()
    assert (body["status"], body["units"], body["valid_from"], body["comment"]) == (
        "returned",
        [sas.unit.code, other_unit.code],
        later.isoformat(),
        "Rättat startdatum.",
    )
    assert body["history"][-1]["action"] == "request_edited"
    resigned = sign(manager, returned)
    assert (resigned.json()["status"], resigned.json()["stage"]) == ("in_review", 1)


def test_the_edit_is_audited_with_the_changed_fields_before_and_after(sas, returned):
    later = today() + dt.timedelta(days=7)
    patch(client_for(sas.manager), returned, valid_from=later.isoformat(), comment="Rättat.")
    event = Event.objects.filter(action="request_edited").get()
    assert event.actor == sas.manager
    changed = {key for key in event.after if event.before[key] != event.after[key]}
    assert changed == {"valid_from", "comment", "signature"}
    assert (event.before["valid_from"], event.after["valid_from"]) == (
        today().isoformat(),
        later.isoformat(),
    )
    assert (event.before["comment"], event.after["comment"]) == ("Ny på enheten.", "Rättat.")
    assert event.before["signature"] is not None
    assert event.after["signature"] is None


def test_only_the_fields_sent_change(sas, draft):
    before = client_for(sas.manager).get(f"/api/v1/requests/{draft}/").json()
    edited = patch(client_for(sas.manager), draft, comment="")
    assert edited.status_code == 200, edited.content
    after = edited.json()
    assert after["comment"] == ""
    assert {key: after[key] for key in ("status", "role", "units", "valid_from")} == {
        key: before[key] for key in ("status", "role", "units", "valid_from")
    }


def test_the_role_can_change_to_one_the_person_may_have(sas, draft):
    edited = patch(client_for(sas.manager), draft, role="schemaadministrator")
    assert edited.status_code == 200, edited.content
    assert edited.json()["role"] == "schemaadministrator"


def test_a_role_the_person_may_not_have_is_refused_with_reasons(sas, draft):
    body = refused(client_for(sas.manager), draft, 400, role="chef")
    assert body["error"] == "not_eligible"
    assert body["reasons"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"units": ["NO-SUCH-UNIT"]}, "units"),
        ({"units": []}, "units"),
        ({"valid_from": "2026-02-30"}, "valid_from"),
        ({"role": "no-such-role"}, "role"),
        ({}, "non_field_errors"),
    ],
)
def test_invalid_input_is_400_naming_the_field(sas, draft, body, field):
    answer = refused(client_for(sas.manager), draft, 400, **body)
    assert answer["error"] == "invalid"
    assert field in answer["fields"]


def test_a_form_under_review_cannot_be_edited(sas, draft):
    sign(client_for(sas.manager), draft)
    body = refused(client_for(sas.manager), draft, 409, comment="För sent.")
    assert body["error"] == "not_editable"


def test_only_the_preparer_edits(sas, draft):
    """The coordinator sees the form but did not prepare it; specialist support neither."""
    for user in (sas.coordinator, sas.specialist):
        assert refused(client_for(user), draft, 403, comment="Inte min.")["error"] == "forbidden"


def test_a_form_out_of_scope_is_not_found(sas, draft):
    stranger = f.UserFactory(person=f.ManagerLinkFactory().manager)
    assert refused(client_for(stranger), draft, 404, comment="Inte min.")["error"] == "not_found"


def test_a_manager_link_moves_with_its_units(sas):
    """A manager link belongs to the organisation of the units it links."""
    elsewhere = f.UnitFactory()
    manager = f.PersonFactory(unit=sas.unit)
    created = sas.apply(manager, role=None, kind="manager_link", units=[elsewhere.code])
    assert created.status_code == 201, created.content
    request_id = created.json()["id"]
    assert AccessRequest.objects.get(pk=request_id).organisation == elsewhere.organisation
    edited = patch(client_for(sas.manager), request_id, units=[sas.unit.code])
    assert edited.status_code == 200, edited.content
    assert edited.json()["units"] == [sas.unit.code]
    assert AccessRequest.objects.get(pk=request_id).organisation == sas.organisation


def test_the_edit_takes_constant_queries(sas, draft):
    """However many units the form names, the edit reads and writes in a fixed number."""
    manager = client_for(sas.manager)

    def queries(units):
        with CaptureQueriesContext(connection) as captured:
            assert patch(manager, draft, units=units).status_code == 200
        return len(captured)

    more = [f.UnitFactory(business_area=sas.unit.business_area).code for _ in range(5)]
    one = queries([sas.unit.code, more[0]])
    assert queries([sas.unit.code, *more]) == one
