"""Fuzzing the requests API's input: any body to create a request or act on one
gets a JSON answer that is never a server error, and a refusal changes nothing.

Bodies mix valid values with any JSON (nulls, numbers past 64 bits, nested
lists and objects, text with NUL and control characters), and raw bytes.
"""

import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.fuzzing import fuzz
from tests.requests.api.world import (
    PASSWORD,
    SAS_REPORTER_COURSES,
    client_for,
    everything,
    today,
)

pytestmark = pytest.mark.django_db
ACTS = ["sign", "approve", "return", "reject", "carry-out", "withdraw"]
REFUSALS = {400, 403, 404, 409, 413, 415}

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=8,
)
odd_texts = st.sampled_from(["", " ", "\x00", "a\x00b", "\u202e", "x" * 2001, "1" * 25])


def maybe(valid, junk=json_values):
    """A valid value, junk, or an odd text."""
    return st.one_of(st.just(valid), junk, odd_texts)


def answered(response, before_state, after_state) -> None:
    """A JSON answer; a refusal says what and changes nothing."""
    assert response.status_code != 500, response.content
    assert response["Content-Type"].startswith("application/json")
    if response.status_code in REFUSALS:
        body = response.json()
        assert isinstance(body["error"], str)
        assert isinstance(body["detail"], str)
        assert after_state() == before_state


@pytest.fixture
def person(sas):
    return sas.employee(*SAS_REPORTER_COURSES)


def test_any_create_body_is_created_or_refused_cleanly(sas, person):
    client = client_for(sas.manager)
    valid = {
        "kind": "grant",
        "employee_id": person.employee_id,
        "role": "heromarapportor",
        "units": [sas.unit.code],
        "valid_from": today().isoformat(),
        "comment": "",
    }

    @fuzz
    @example(body={**valid, "units": [sas.unit.code + "\x00"]})
    @example(body={**valid, "role": "chef\x00"})
    @example(body={**valid, "employee_id": 2**64})
    @given(
        body=st.fixed_dictionaries(
            {},
            optional={
                "kind": maybe("grant", st.sampled_from(["change", "end", "manager_link", "x"])),
                "employee_id": maybe(person.employee_id),
                "role": maybe("heromarapportor", st.sampled_from(["chef", None, "okänd"])),
                "units": maybe([sas.unit.code], st.just(sas.unit.code + ",X")),
                "valid_from": maybe(today().isoformat(), st.dates().map(str)),
                "comment": maybe("", st.text()),
            },
        )
    )
    def check(body):
        before = everything()
        response = client.post("/api/v1/requests/", body, format="json")
        answered(response, before, everything)
        assert response.status_code in {201, *REFUSALS}

    check()


def test_any_act_body_is_taken_or_refused_cleanly(sas, person):
    manager, coordinator = client_for(sas.manager), client_for(sas.coordinator)

    @fuzz
    @example(name="sign", body={"password": PASSWORD + "\x00"}, by_manager=True)
    @example(name="return", body={"reason": ["Nej."]}, by_manager=False)
    @given(
        name=st.sampled_from(ACTS),
        body=st.fixed_dictionaries(
            {},
            optional={
                "password": maybe(PASSWORD),
                "reason": maybe("Saknar kurs.", st.text()),
            },
        )
        | json_values,
        by_manager=st.booleans(),
    )
    def check(name, body, by_manager):
        request_id = sas.apply(person).json()["id"]
        before = everything(request_id)
        client = manager if by_manager else coordinator
        response = client.post(f"/api/v1/requests/{request_id}/{name}/", body, format="json")
        answered(response, before, lambda: everything(request_id))
        assert response.status_code in {200, *REFUSALS}

    check()


def test_any_bulk_sign_body_is_signed_or_refused_cleanly(sas, person):
    client = client_for(sas.manager)

    @fuzz
    @example(ids=[2**63], password=PASSWORD)
    @example(ids=[-1, 0], password=PASSWORD)
    @given(
        ids=st.one_of(
            st.lists(st.integers(min_value=-(2**70), max_value=2**70), max_size=5), json_values
        ),
        password=maybe(PASSWORD),
    )
    def check(ids, password):
        request_id = sas.apply(person).json()["id"]
        before = everything(request_id)
        body = {"ids": ids, "password": password}
        response = client.post("/api/v1/requests/sign/", body, format="json")
        answered(response, before, lambda: everything(request_id))

    check()


@pytest.mark.parametrize("address", ["/api/v1/requests/", "/api/v1/requests/sign/"])
def test_any_bytes_are_refused_cleanly(sas, address):
    client = client_for(sas.manager)

    @fuzz
    @example(content=b"[" * 50_000)
    @example(content=b'{"kind": NaN}')
    @example(content=json.dumps({"ids": [1e400]}).encode())
    @given(content=st.binary(max_size=100))
    def check(content):
        before = everything()
        response = client.post(address, content, content_type="application/json")
        answered(response, before, everything)
        assert response.status_code in REFUSALS

    check()
