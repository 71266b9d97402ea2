"""The requests and eligibility endpoints: scope, lists, bulk signing, who holds a stage."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories as f
from tests.requests.api.world import (
    SAS_REPORTER_COURSES,
    World,
    act,
    client_for,
    everything,
    today,
)

pytestmark = pytest.mark.django_db


def drafts(world, count):
    ids = [world.apply(world.employee(*SAS_REPORTER_COURSES)).json()["id"] for _ in range(count)]
    assert all(ids)
    return ids


def sign_many(client, ids, password=f.PASSWORD):
    return client.post("/api/v1/requests/sign/", {"ids": ids, "password": password}, format="json")


def test_the_list_shows_what_the_caller_may_see(sas):
    [mine] = drafts(sas, 1)
    stranger = client_for(f.UserFactory(person=f.ManagerLinkFactory().manager))
    assert stranger.get("/api/v1/requests/").json()["results"] == []
    assert stranger.get(f"/api/v1/requests/{mine}/").status_code == 404
    listed = client_for(sas.coordinator).get("/api/v1/requests/").json()["results"]
    assert [row["id"] for row in listed] == [mine]
    assert set(listed[0]) >= {"id", "kind", "status", "stage", "employee_id", "role", "units"}


def test_the_list_filters_by_status(sas):
    first, second = drafts(sas, 2)
    manager = client_for(sas.manager)
    act(manager, first, "sign", password=f.PASSWORD)

    def ids(status):
        response = manager.get("/api/v1/requests/", {"status": status})
        return [row["id"] for row in response.json()["results"]]

    assert ids("in_review") == [first]
    assert ids("draft") == [second]
    assert manager.get("/api/v1/requests/", {"status": "nonsense"}).status_code == 400


def test_the_list_query_count_does_not_grow_with_rows(sas):
    client = client_for(sas.specialist)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/requests/").status_code == 200
        return len(captured)

    drafts(sas, 1)
    one = queries()
    drafts(sas, 19)
    assert len(client.get("/api/v1/requests/").json()["results"]) == 20
    assert queries() == one


def test_several_forms_of_one_unit_are_signed_in_one_act(sas):
    ids = drafts(sas, 2)
    response = sign_many(client_for(sas.manager), ids)
    assert response.status_code == 200, response.content
    assert [(row["id"], row["status"]) for row in response.json()] == [
        (ids[0], "in_review"),
        (ids[1], "in_review"),
    ]


def test_forms_of_different_people_and_units_are_not_signed_together(sas):
    other = World.build("SAS")
    ids = [*drafts(sas, 1), *drafts(other, 1)]
    before = [everything(pk) for pk in ids]
    response = sign_many(client_for(sas.manager), ids)
    assert response.status_code in (400, 403)
    assert [everything(pk) for pk in ids] == before


def test_bulk_signing_an_unknown_form_is_not_found(sas):
    [known] = drafts(sas, 1)
    before = everything(known)
    assert sign_many(client_for(sas.manager), [known, 999999]).status_code == 404
    assert everything(known) == before


def test_an_away_coordinators_queue_is_held_by_the_deputy(sas):
    [request_id] = drafts(sas, 1)
    act(client_for(sas.manager), request_id, "sign", password=f.PASSWORD)
    deputy = f.UserFactory()
    f.DelegationFactory(
        person=sas.coordinator.person,
        deputy=deputy.person,
        valid_from=today() - dt.timedelta(days=1),
        valid_to=today() + dt.timedelta(days=7),
    )
    detail = client_for(sas.specialist).get(f"/api/v1/requests/{request_id}/").json()
    assert detail["stages"][0]["holders"] == [
        {"name": deputy.person.full_name, "deputy_for": sas.coordinator.person.full_name}
    ]
    approved = act(client_for(deputy), request_id, "approve")
    assert approved.status_code == 200, approved.content
    assert approved.json()["stage"] == 2


def test_eligibility_answers_with_verdict_reasons_and_suggestions(sas):
    person = sas.employee(*SAS_REPORTER_COURSES)
    query = {"employee_id": person.employee_id, "role": "heromarapportor", "units": sas.unit.code}
    body = client_for(sas.manager).get("/api/v1/eligibility/", query).json()
    assert body["verdict"] == "eligible"
    assert set(body) >= {"verdict", "reasons", "suggestions"}


def test_eligibility_lists_what_to_do(sas):
    person = sas.employee()
    query = {"employee_id": person.employee_id, "role": "heromarapportor", "units": sas.unit.code}
    body = client_for(sas.manager).get("/api/v1/eligibility/", query).json()
    assert body["verdict"] == "not_eligible"
    assert {"intro", "for-chefer"} <= {r["course"]["code"] for r in body["reasons"] if r["course"]}


def test_eligibility_of_a_person_out_of_scope_is_not_found(sas):
    stranger = f.PersonFactory()
    query = {
        "employee_id": stranger.employee_id,
        "role": "heromarapportor",
        "units": stranger.unit.code,
    }
    assert client_for(sas.manager).get("/api/v1/eligibility/", query).status_code == 404


@pytest.mark.parametrize(("field", "value"), [("role", "no-such-role"), ("units", "0000,,")])
def test_eligibility_refuses_unknown_codes(sas, field, value):
    person = sas.employee()
    query = {"employee_id": person.employee_id, "role": "chef", "units": sas.unit.code}
    response = client_for(sas.manager).get("/api/v1/eligibility/", {**query, field: value})
    assert response.status_code == 400
    assert field in response.json()["fields"]
