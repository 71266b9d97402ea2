"""Bad input to the API is a JSON 4xx that changes nothing, never a 500.

Ids past the database's 64-bit integers, bodies over the size limit, JSON
nested past what the decoder can follow, too many form fields, free text past
its length limit, lists and pages past theirs.
"""

import json

import pytest
from django.test import Client

from rollkoll.api.inputs import FREE_TEXT_MAX_LENGTH, MAX_ID, MAX_LIST_LENGTH
from rollkoll.api.pagination import Pagination
from tests import factories as f
from tests.requests.api.world import (
    PASSWORD,
    SAS_REPORTER_COURSES,
    act,
    client_for,
    everything,
)

from .test_errors import assert_error

pytestmark = pytest.mark.django_db
TOO_BIG_IDS = [MAX_ID + 1, 2**64, 10**30]
ACTS = ["sign", "approve", "return", "reject", "carry-out", "withdraw"]


@pytest.fixture
def draft(sas):
    return sas.apply(sas.employee(*SAS_REPORTER_COURSES)).json()["id"]


@pytest.mark.parametrize("big", TOO_BIG_IDS)
@pytest.mark.parametrize("ids", [lambda big: [big], lambda big: [1, big]])
def test_bulk_sign_refuses_ids_past_64_bits(sas, draft, big, ids):
    before = everything(draft)
    response = client_for(sas.manager).post(
        "/api/v1/requests/sign/", {"ids": ids(big), "password": PASSWORD}, format="json"
    )
    body = assert_error(response, 400, "invalid")
    assert "ids" in body["fields"]
    assert everything(draft) == before


def test_bulk_sign_refuses_more_ids_than_the_limit(sas, draft):
    ids = [draft] * (MAX_LIST_LENGTH + 1)
    response = client_for(sas.manager).post(
        "/api/v1/requests/sign/", {"ids": ids, "password": PASSWORD}, format="json"
    )
    assert "ids" in assert_error(response, 400, "invalid")["fields"]


@pytest.mark.parametrize("big", TOO_BIG_IDS)
def test_an_id_past_64_bits_in_the_path_is_not_found(sas, draft, big):
    client = client_for(sas.specialist)
    before = everything(draft)
    assert_error(client.get(f"/api/v1/requests/{big}/"), 404, "not_found")
    assert_error(client.get(f"/api/v1/audit-events/{big}/"), 404, "not_found")
    assert_error(client.delete(f"/api/v1/tokens/{big}/"), 404, "not_found")
    for name in ACTS:
        assert_error(act(client, big, name, reason="Nej.", password=PASSWORD), 404, "not_found")
    page = Client()
    page.force_login(sas.specialist)
    assert page.get(f"/requests/{big}/").status_code == 404
    assert everything(draft) == before


@pytest.fixture
def small_bodies(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def create_body(sas, **extra):
    return {
        "kind": "grant",
        "employee_id": sas.employee(*SAS_REPORTER_COURSES).employee_id,
        "role": "heromarapportor",
        "units": [sas.unit.code],
        "valid_from": "2026-01-01",
        **extra,
    }


@pytest.mark.parametrize("session", [True, False])
def test_a_json_body_over_the_limit_is_413(sas, small_bodies, session):
    client = client_for(sas.manager, session=session)
    body = json.dumps(create_body(sas, comment="x" * small_bodies))
    before = everything()
    response = client.post("/api/v1/requests/", body, content_type="application/json")
    found = assert_error(response, 413, "too_large")
    assert found["limit"] == small_bodies
    assert everything() == before


def test_a_form_body_over_the_limit_is_413(sas, draft, small_bodies):
    client = client_for(sas.manager)
    before = everything(draft)
    response = client.post(
        f"/api/v1/requests/{draft}/sign/",
        "password=" + "x" * small_bodies,
        content_type="application/x-www-form-urlencoded",
    )
    assert_error(response, 413, "too_large")
    assert everything(draft) == before


def test_the_default_limit_holds_for_json(sas, settings):
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    response = client_for(sas.manager).post(
        "/api/v1/requests/", '"' + "x" * limit + '"', content_type="application/json"
    )
    assert_error(response, 413, "too_large")


def test_deeply_nested_json_is_a_parse_error(sas):
    response = client_for(sas.manager).post(
        "/api/v1/requests/", "[" * 100_000, content_type="application/json"
    )
    assert_error(response, 400, "parse_error")


def test_too_many_form_fields_is_a_bad_request(sas, draft):
    before = everything(draft)
    fields = "&".join(f"f{n}=1" for n in range(2000))
    response = client_for(sas.manager).post(
        f"/api/v1/requests/{draft}/sign/", fields, content_type="application/x-www-form-urlencoded"
    )
    assert_error(response, 400, "bad_request")
    assert everything(draft) == before


def test_a_multipart_upload_is_refused(sas, draft):
    before = everything(draft)
    response = client_for(sas.manager).post(
        f"/api/v1/requests/{draft}/sign/", {"password": PASSWORD}, format="multipart"
    )
    assert_error(response, 415, "unsupported_media_type")
    assert everything(draft) == before


def test_a_comment_at_the_limit_is_kept(sas):
    response = sas.apply(sas.employee(*SAS_REPORTER_COURSES), comment="k" * FREE_TEXT_MAX_LENGTH)
    assert response.status_code == 201, response.content
    assert response.json()["comment"] == "k" * FREE_TEXT_MAX_LENGTH


def test_a_comment_past_the_limit_is_refused_naming_the_field(sas):
    before = everything()
    response = sas.apply(
        sas.employee(*SAS_REPORTER_COURSES), comment="k" * (FREE_TEXT_MAX_LENGTH + 1)
    )
    assert set(assert_error(response, 400, "invalid")["fields"]) == {"comment"}
    assert everything() == before


@pytest.mark.parametrize("name", ["return", "reject"])
def test_a_reason_past_the_limit_is_refused_naming_the_field(sas, draft, name):
    client = client_for(sas.manager)
    assert act(client, draft, "sign", password=PASSWORD).status_code == 200
    before = everything(draft)
    response = act(
        client_for(sas.coordinator), draft, name, reason="r" * (FREE_TEXT_MAX_LENGTH + 1)
    )
    assert set(assert_error(response, 400, "invalid")["fields"]) == {"reason"}
    assert everything(draft) == before


def test_a_password_past_the_limit_is_refused(sas, draft):
    before = everything(draft)
    response = act(client_for(sas.manager), draft, "sign", password="p" * 5000)
    assert set(assert_error(response, 400, "invalid")["fields"]) == {"password"}
    assert everything(draft) == before


def test_more_units_than_the_limit_are_refused(sas):
    before = everything()
    codes = [f"U{n}" for n in range(MAX_LIST_LENGTH + 1)]
    response = sas.apply(sas.employee(*SAS_REPORTER_COURSES), units=codes)
    assert assert_error(response, 400, "invalid")["fields"]["units"] == [
        f"Högst {MAX_LIST_LENGTH} ansvar."
    ]
    assert everything() == before


def test_unknown_units_are_named_but_not_all_repeated(sas):
    codes = [f"U{n}" + "x" * 100 for n in range(50)]
    response = sas.apply(sas.employee(*SAS_REPORTER_COURSES), units=codes)
    [message] = assert_error(response, 400, "invalid")["fields"]["units"]
    assert len(message) < 400
    assert message.endswith(", ….")


def test_a_page_past_the_limit_is_cut(sas):
    f.GrantFactory()
    client = client_for(sas.specialist)
    for url in ("/api/v1/grants/", "/api/v1/people/", "/api/v1/audit-events/"):
        response = client.get(url, {"limit": str(10**21), "offset": str(MAX_ID + 1)})
        assert response.status_code == 200, response.content
        response = client.get(url, {"limit": str(10**21)})
        assert response.status_code == 200, response.content
        assert len(response.json()["results"]) <= Pagination.max_limit


@pytest.mark.parametrize("field", ["kind", "employee_id", "role", "units", "comment"])
def test_nul_in_a_field_is_refused_naming_it(sas, field):
    """PostgreSQL refuses NUL in a query; the field is named before it is asked."""
    body = create_body(sas)
    body[field] = [f"{sas.unit.code}\x00"] if field == "units" else f"{body.get(field, '')}\x00"
    before = everything()
    response = client_for(sas.manager).post("/api/v1/requests/", body, format="json")
    assert set(assert_error(response, 400, "invalid")["fields"]) == {field}
    assert everything() == before


@pytest.mark.parametrize("field", ["comment", "justification"])
def test_an_edit_past_the_limit_is_refused_naming_the_field(sas, draft, field):
    before = everything(draft)
    response = client_for(sas.manager).patch(
        f"/api/v1/requests/{draft}/", {field: "k" * (FREE_TEXT_MAX_LENGTH + 1)}, format="json"
    )
    assert set(assert_error(response, 400, "invalid")["fields"]) == {field}
    assert everything(draft) == before


@pytest.mark.parametrize("field", ["username", "password"])
def test_overlong_credentials_are_refused_naming_the_field(field):
    body = {"username": "someone", "password": "secret", field: "x" * 5000}
    response = Client().post("/api/v1/auth/token/", body, content_type="application/json")
    assert set(assert_error(response, 400, "invalid")["fields"]) == {field}
