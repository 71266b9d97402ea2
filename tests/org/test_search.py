"""GET /api/v1/people/?search=: by name, employee id or full personnummer, within scope."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.clients import client_for
from tests.factories import ManagerLinkFactory, PersonFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db


def found(user, text: str) -> list[str]:
    response = client_for(user).get("/api/v1/people/", {"search": text})
    assert response.status_code == 200, response.content
    return [row["employee_id"] for row in response.json()["results"]]


@pytest.fixture
def unit():
    return UnitFactory()


@pytest.fixture
def manager(unit):
    link = ManagerLinkFactory(unit=unit, manager__first_name="Berit", manager__last_name="Chef")
    return UserFactory(person=link.manager)


@pytest.fixture
def asa(unit):
    return PersonFactory(unit=unit, first_name="Åsa", last_name="Östlund", employee_id="E4711")


@pytest.fixture
def others(unit):
    return [
        PersonFactory(unit=unit, first_name="André", last_name="Ahlqvist"),
        PersonFactory(unit=unit, first_name="Olle", last_name="Andersson"),
    ]


@pytest.mark.parametrize(
    "text", ["åsa", "ÅSA", "asa", "östlund", "OSTLUND", "stlu", "Åsa Östlund", " östlund  åsa "]
)
def test_names_match_whatever_the_case_and_accents(manager, asa, others, text):
    assert found(manager, text) == [asa.employee_id]


def test_every_word_must_match_a_name(manager, asa, others):
    assert found(manager, "andre") == [others[0].employee_id]
    assert found(manager, "and") == [others[0].employee_id, others[1].employee_id]
    assert found(manager, "andre andersson") == []


def test_the_employee_id_matches_whole_and_in_any_case(manager, asa, others):
    assert found(manager, "e4711") == [asa.employee_id]
    assert found(manager, "E471") == []


def test_people_out_of_scope_are_never_found(manager, asa):
    stranger = PersonFactory(first_name="Åsa", last_name="Östlund")
    for text in ("Åsa", stranger.employee_id):
        assert stranger.employee_id not in found(manager, text)
    specialist = UserFactory(app_roles=["specialist"])
    assert set(found(specialist, "åsa östlund")) == {asa.employee_id, stranger.employee_id}


@pytest.mark.parametrize("app_role", ["specialist", "admin"])
def test_those_who_see_personnummer_in_full_find_by_it(asa, app_role):
    user = UserFactory(app_roles=[app_role])
    assert found(user, asa.personnummer) == [asa.employee_id]
    assert found(user, asa.personnummer.replace("-", "")) == [asa.employee_id]
    assert found(user, asa.personnummer[:8]) == []


@pytest.mark.parametrize("app_roles", [[], ["auditor"]])
def test_others_find_by_personnummer_only_themselves(manager, unit, asa, app_roles):
    caller = manager if not app_roles else UserFactory(app_roles=app_roles, person__unit=unit)
    assert found(caller, asa.personnummer) == []
    own = caller.person
    assert found(caller, own.personnummer) == [own.employee_id]


def test_a_search_too_long_is_400_naming_the_field(manager):
    response = client_for(manager).get("/api/v1/people/", {"search": "x" * 101})
    assert response.status_code == 400
    assert response.json()["error"] == "invalid"
    assert "search" in response.json()["fields"]


def test_the_search_takes_constant_queries(django_assert_num_queries, manager, unit):
    client = client_for(manager)
    PersonFactory(unit=unit, first_name="Örjan")
    with CaptureQueriesContext(connection) as one_match:
        assert client.get("/api/v1/people/", {"search": "orjan"}).json()["count"] == 1
    PersonFactory.create_batch(19, unit=unit, first_name="Örjan")
    with django_assert_num_queries(len(one_match)):
        assert client.get("/api/v1/people/", {"search": "ORJAN"}).json()["count"] == 20


def test_a_nul_byte_is_bad_input_not_a_server_error(manager):
    response = client_for(manager).get("/api/v1/people/?search=%C3%A5%00sa")
    assert response.status_code in {200, 400}
    assert response.headers["Content-Type"] == "application/json"
