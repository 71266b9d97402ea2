"""Refused acts: 403 for the wrong actor, 409 when the form moved on, 400 when
ineligible or incomplete; and in every case nothing changes."""

import pytest

from rollkoll.audit.models import Event
from tests import factories as f
from tests.requests.api.world import (
    SAS_REPORTER_COURSES,
    act,
    client_for,
    everything,
    sign,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(sas):
    """A SÄS form for a Heromarapportör, signed and at the coordinator's stage."""
    request_id = sas.apply(sas.employee(*SAS_REPORTER_COURSES)).json()["id"]
    assert sign(client_for(sas.manager), request_id).status_code == 200
    return request_id


def refused(client, request_id, name, status, **body):
    before = everything(request_id)
    response = act(client, request_id, name, **body)
    assert response.status_code == status, response.content
    assert set(response.json()) >= {"error", "detail"}
    assert everything(request_id) == before
    return response.json()


@pytest.mark.parametrize("name", ["approve", "return", "reject", "carry-out"])
def test_a_manager_of_another_unit_may_not_review(sas, signed, name):
    stranger = f.UserFactory(person=f.ManagerLinkFactory().manager)
    refused(client_for(stranger), signed, name, 403, reason="Nej.")


def test_the_coordinator_may_not_carry_out(sas, signed):
    refused(client_for(sas.coordinator), signed, "carry-out", 403)


def test_a_coordinator_of_another_organisation_may_not_approve(sas, signed):
    other = f.UserFactory(app_roles=[("coordinator", f.OrganisationFactory())])
    refused(client_for(other), signed, "approve", 403)


def test_specialist_support_may_not_sign(sas, signed):
    refused(client_for(sas.specialist), signed, "sign", 403, password=f.PASSWORD)


def test_a_wrong_password_signs_nothing_and_is_recorded(sas):
    request_id = sas.apply(sas.employee(*SAS_REPORTER_COURSES)).json()["id"]
    rows, requests, grants, events, outbox = everything(request_id)
    response = act(client_for(sas.manager), request_id, "sign", password="not-the-password")
    assert response.status_code == 403
    assert response.json()["error"] == "reauth_failed"
    assert everything(request_id) == (rows, requests, grants, events + 1, outbox)
    failure = Event.objects.last()
    assert (failure.action, failure.actor, failure.after["requests"]) == (
        "request_sign_failed",
        sas.manager,
        [request_id],
    )


def test_approving_twice_is_a_conflict(sas, signed):
    coordinator = client_for(sas.coordinator)
    assert act(coordinator, signed, "approve").status_code == 200
    assert refused(coordinator, signed, "approve", 409)["error"] == "moved_on"


def test_signing_a_form_under_review_is_a_conflict(sas, signed):
    refused(client_for(sas.manager), signed, "sign", 409, password=f.PASSWORD)


def test_a_withdrawn_form_cannot_be_approved(sas, signed):
    assert act(client_for(sas.manager), signed, "withdraw").json()["status"] == "withdrawn"
    refused(client_for(sas.coordinator), signed, "approve", 409)


@pytest.mark.parametrize("name", ["return", "reject"])
@pytest.mark.parametrize("reason", [None, "", "   "])
def test_return_and_reject_need_a_reason(sas, signed, name, reason):
    body = {} if reason is None else {"reason": reason}
    assert refused(client_for(sas.coordinator), signed, name, 400, **body)["error"] == "invalid"


def test_an_ineligible_form_is_refused_with_reasons(sas):
    before = everything()
    response = sas.apply(sas.employee())  # no courses at all
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["error"] == "not_eligible"
    assert body["reasons"]
    assert all(reason["code"] and reason["message"] for reason in body["reasons"])
    assert everything() == before


def test_a_person_out_of_scope_cannot_be_applied_for(sas):
    stranger = f.PersonFactory()
    before = everything()
    response = sas.apply(stranger, units=[stranger.unit.code])
    assert response.status_code == 400
    assert "employee_id" in response.json()["fields"]
    assert everything() == before


def test_an_act_on_an_unknown_request_is_not_found(sas):
    response = act(client_for(sas.coordinator), 999999, "approve")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"
