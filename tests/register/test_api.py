"""GET /api/v1/grants/: the register through the API."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rollkoll.register.models import GrantUnit
from tests import factories as f
from tests.requests.api.world import client_for

pytestmark = pytest.mark.django_db

URL = "/api/v1/grants/"


def test_lists_grants_with_their_units(specialist):
    person = f.PersonFactory()
    extra = f.UnitFactory(code="9999")
    f.GrantFactory(person=person, units=[person.unit, extra], valid_from=dt.date(2025, 1, 1))
    response = client_for(specialist).get(URL)
    assert response.status_code == 200
    assert response.json()["results"] == [
        {
            "employee_id": person.employee_id,
            "role": "heromarapportor",
            "units": sorted([person.unit.code, "9999"]),
            "valid_from": "2025-01-01",
            "valid_to": None,
        }
    ]


def test_on_date_answers_who_held_what(specialist):
    person = f.PersonFactory()
    f.GrantFactory(
        person=person,
        role=f.role("chef-webb"),
        valid_from=dt.date(2025, 1, 1),
        valid_to=dt.date(2025, 5, 31),
    )
    f.GrantFactory(person=person, role=f.role("chef"), valid_from=dt.date(2025, 6, 1))
    client = client_for(specialist, session=True)

    def roles_on(day):
        response = client.get(URL, {"employee_id": person.employee_id, "on": day})
        return [row["role"] for row in response.json()["results"]]

    assert roles_on("2024-12-31") == []
    assert roles_on("2025-05-31") == ["chef-webb"]
    assert roles_on("2025-06-01") == ["chef"]


def test_filters_by_unit(specialist):
    first, _second = f.GrantFactory(), f.GrantFactory()
    response = client_for(specialist).get(URL, {"unit": first.person.unit.code})
    assert [row["employee_id"] for row in response.json()["results"]] == [first.person.employee_id]


def test_a_manager_sees_the_grants_on_their_units_only():
    link = f.ManagerLinkFactory()
    mine = f.GrantFactory(person=f.PersonFactory(unit=link.unit))
    f.GrantFactory()
    response = client_for(f.UserFactory(person=link.manager)).get(URL)
    assert [row["employee_id"] for row in response.json()["results"]] == [mine.person.employee_id]


def test_a_bad_date_is_a_json_error(specialist):
    response = client_for(specialist).get(URL, {"on": "yesterday"})
    assert response.status_code == 400
    assert response.json()["error"] == "invalid"
    assert "on" in response.json()["fields"]


def test_anonymous_callers_get_a_json_error(client):
    response = client.get(URL)
    assert response.status_code in (401, 403)
    assert set(response.json()) >= {"error", "detail"}


def test_query_count_does_not_grow_with_rows(specialist):
    client = client_for(specialist)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL).status_code == 200
        return len(captured)

    f.GrantFactory()
    one = queries()
    for _ in range(19):
        f.GrantFactory(units=[f.UnitFactory(), f.UnitFactory()])
    assert queries() == one


def test_a_unit_shows_only_the_grants_held_on_it_today(specialist):
    unit, other = f.UnitFactory(code="4711"), f.UnitFactory(code="4712")
    moved = f.GrantFactory(units=[unit, other], valid_from=dt.date(2024, 1, 1))
    GrantUnit.objects.filter(grant=moved, unit=unit).update(valid_to=dt.date(2025, 1, 31))
    stays = f.GrantFactory(units=[unit], valid_from=dt.date(2024, 1, 1))
    client = client_for(specialist)

    def holders(response):
        return {(grant["employee_id"], tuple(grant["units"])) for grant in response}

    here = client.get("/api/v1/units/4711/").json()["grants"]
    assert holders(here) == {(stays.person.employee_id, ("4711",))}
    there = client.get("/api/v1/units/4712/").json()["grants"]
    assert holders(there) == {(moved.person.employee_id, ("4712",))}
    then = client.get(URL, {"on": "2025-01-31", "unit": "4711"}).json()["results"]
    assert holders(then) == {
        (moved.person.employee_id, ("4711", "4712")),
        (stays.person.employee_id, ("4711",)),
    }
