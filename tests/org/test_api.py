"""The org read API (people, units) and the caller's delegations, over HTTP."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from rollkoll.audit.models import Event
from rollkoll.org.models import Delegation
from tests.clients import client_for
from tests.factories import (
    BusinessAreaFactory,
    DelegationFactory,
    GrantFactory,
    ManagerLinkFactory,
    PersonFactory,
    UnitFactory,
    UserFactory,
    role,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit():
    return UnitFactory(code="4711")


@pytest.fixture
def manager(unit):
    link = ManagerLinkFactory(unit=unit)
    return UserFactory(person=link.manager)


def test_people_of_a_unit_are_listed_under_results(manager, unit):
    PersonFactory.create_batch(3, unit=unit)
    PersonFactory(unit=UnitFactory())
    body = client_for(manager).get("/api/v1/people/", {"unit": "4711"}).json()
    assert body["count"] == 4  # three staff and the manager themself
    assert {row["unit"] for row in body["results"]} == {"4711"}


def test_a_manager_sees_only_people_in_scope(manager):
    stranger = PersonFactory()
    response = client_for(manager).get(f"/api/v1/people/{stranger.employee_id}/")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"
    listed = client_for(manager).get("/api/v1/people/").json()["results"]
    assert stranger.employee_id not in {row["employee_id"] for row in listed}


def test_unknown_person_is_a_json_404():
    response = client_for(UserFactory(app_roles=["specialist"])).get("/api/v1/people/NOPE/")
    assert response.status_code == 404
    assert response.json() == {"error": "not_found", "detail": "Hittades inte."}


@pytest.mark.parametrize(
    ("app_roles", "masked"),
    [(["specialist"], False), (["admin"], False), (["auditor"], True), ([], True)],
)
def test_personnummer_is_masked_unless_the_caller_may_see_it(manager, unit, app_roles, masked):
    person = PersonFactory(unit=unit)
    caller = manager if not app_roles else UserFactory(app_roles=app_roles)
    shown = client_for(caller).get(f"/api/v1/people/{person.employee_id}/").json()["personnummer"]
    assert shown == (person.personnummer[:8] + "-****" if masked else person.personnummer)


def test_a_person_sees_their_own_personnummer():
    user = UserFactory()
    body = client_for(user).get(f"/api/v1/people/{user.person.employee_id}/").json()
    assert body["personnummer"] == user.person.personnummer


@pytest.mark.parametrize("path", ["/api/v1/people/?unit=4711", "/api/v1/units/"])
def test_lists_take_constant_queries(django_assert_num_queries, unit, path):
    PersonFactory(unit=unit)
    client = client_for(UserFactory(person=None, app_roles=["specialist"]))
    with CaptureQueriesContext(connection) as one_row:
        assert client.get(path).json()["count"] == 1
    for _ in range(19):
        PersonFactory(unit=unit)
        UnitFactory(parent=unit)
    with django_assert_num_queries(len(one_row)):
        assert client.get(path).json()["count"] == 20


def test_unit_shows_todays_manager_links_and_active_grants(manager, unit):
    holder = PersonFactory(unit=unit)
    other_unit = UnitFactory(code="4712")
    GrantFactory(person=holder, role=role("chef"), units=[unit, other_unit])
    GrantFactory(person=holder, valid_from=dt.date(2020, 1, 1), valid_to=dt.date(2021, 1, 1))
    ManagerLinkFactory(unit=unit, valid_from=dt.date(2019, 1, 1), valid_to=dt.date(2019, 12, 31))
    body = client_for(manager).get("/api/v1/units/4711/").json()
    assert [link["manager"]["employee_id"] for link in body["manager_links"]] == [
        manager.person.employee_id
    ]
    assert body["grants"] == [
        {
            "employee_id": holder.employee_id,
            "role": "chef",
            "units": ["4711", "4712"],
            "valid_from": "2024-01-01",
            "valid_to": None,
        }
    ]


def test_unit_detail_takes_constant_queries(django_assert_num_queries, manager, unit):
    client = client_for(manager)
    GrantFactory(person=PersonFactory(unit=unit), units=[unit])
    with CaptureQueriesContext(connection) as one_grant:
        assert len(client.get("/api/v1/units/4711/").json()["grants"]) == 1
    for person in PersonFactory.create_batch(19, unit=unit):
        GrantFactory(person=person, units=[unit, UnitFactory()])
    with django_assert_num_queries(len(one_grant)):
        assert len(client.get("/api/v1/units/4711/").json()["grants"]) == 20


def test_unit_out_of_scope_is_404(manager):
    UnitFactory(code="9999")
    assert client_for(manager).get("/api/v1/units/9999/").status_code == 404


def test_anonymous_callers_are_refused():
    response = APIClient().get("/api/v1/people/")
    assert response.status_code in {401, 403}
    assert response.json()["error"] == "not_authenticated"


# Delegations


def today() -> dt.date:
    return timezone.localdate()


def delegate(user, deputy: str, start: dt.date, end: dt.date):
    return client_for(user).post(
        "/api/v1/delegations/",
        {"deputy": deputy, "valid_from": start.isoformat(), "valid_to": end.isoformat()},
        format="json",
    )


def colleague(unit, **fields):
    """Someone in the unit's organisation, on a unit of another business area."""
    organisation = unit.business_area.organisation
    elsewhere = UnitFactory(business_area=BusinessAreaFactory(organisation=organisation))
    return PersonFactory(unit=elsewhere, **fields)


def test_a_manager_names_a_deputy_who_then_sees_the_units(manager, unit):
    deputy_user = UserFactory(person=colleague(unit))
    staff = PersonFactory(unit=unit)
    response = delegate(manager, deputy_user.person.employee_id, today(), today())
    assert response.status_code == 201
    assert response.json()["deputy"]["employee_id"] == deputy_user.person.employee_id
    delegation = Delegation.objects.get()
    assert delegation.person == manager.person
    event = Event.objects.for_target(delegation).get()
    assert (event.action, event.actor) == ("delegation.create", manager)
    seen = client_for(deputy_user).get(f"/api/v1/people/{staff.employee_id}/")
    assert seen.status_code == 200


@pytest.mark.parametrize(
    ("start", "end", "code"),
    [
        (1, 0, "dates_unordered"),
        (-1, 2, "starts_in_past"),
    ],
)
def test_bad_dates_are_refused_with_reasons(manager, unit, start, end, code):
    deputy = colleague(unit)
    response = delegate(
        manager,
        deputy.employee_id,
        today() + dt.timedelta(days=start),
        today() + dt.timedelta(days=end),
    )
    assert response.status_code == 400
    assert code in {reason["code"] for reason in response.json()["reasons"]}
    assert not Delegation.objects.exists()


def test_self_and_unknown_deputies_are_refused(manager):
    self_response = delegate(manager, manager.person.employee_id, today(), today())
    assert self_response.status_code == 400
    assert [r["code"] for r in self_response.json()["reasons"]] == ["deputy_is_self"]
    unknown = delegate(manager, "NOBODY", today(), today())
    assert unknown.status_code == 400
    assert unknown.json()["reasons"][0]["code"] == "unknown_deputy"


def test_a_deputy_who_has_left_is_refused(manager, unit):
    gone = colleague(unit, employed_to=today() - dt.timedelta(days=1))
    response = delegate(manager, gone.employee_id, today(), today())
    assert [r["code"] for r in response.json()["reasons"]] == ["deputy_not_employed"]


def test_missing_or_malformed_fields_are_400_json(manager):
    response = client_for(manager).post(
        "/api/v1/delegations/", {"deputy": "X", "valid_from": "igår"}, format="json"
    )
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"valid_from", "valid_to"}


def test_overlapping_periods_conflict(manager, unit):
    first, second = colleague(unit), colleague(unit)
    assert (
        delegate(manager, first.employee_id, today(), today() + dt.timedelta(5)).status_code == 201
    )
    response = delegate(
        manager, second.employee_id, today() + dt.timedelta(5), today() + dt.timedelta(9)
    )
    assert response.status_code == 409
    later = delegate(
        manager, second.employee_id, today() + dt.timedelta(6), today() + dt.timedelta(9)
    )
    assert later.status_code == 201


def test_an_account_without_a_person_may_not_delegate():
    user = UserFactory(person=None, app_roles=["admin"])
    response = delegate(user, PersonFactory().employee_id, today(), today())
    assert response.status_code == 403
    assert response.json()["error"] == "forbidden"


def test_someone_out_of_sight_is_as_unknown_as_no_one(manager, unit):
    """Naming a deputy never reveals who exists outside the caller's sight."""
    stranger = PersonFactory(unit=UnitFactory())  # another organisation
    staff = PersonFactory(unit=unit)
    refused = delegate(manager, stranger.employee_id, today(), today())
    unknown = delegate(manager, "NOBODY", today(), today())
    assert refused.status_code == unknown.status_code == 400
    assert refused.json()["reasons"][0]["code"] == "unknown_deputy"
    assert stranger.last_name not in refused.content.decode()
    assert delegate(manager, staff.employee_id, today(), today()).status_code == 201


def end(user, delegation):
    return client_for(user).delete(f"/api/v1/delegations/{delegation.pk}/")


def test_a_running_delegation_ends_yesterday_and_a_future_one_goes(manager, unit):
    running = DelegationFactory(
        person=manager.person, valid_from=today() - dt.timedelta(days=3), valid_to=None
    )
    ended = end(manager, running)
    assert ended.status_code == 200, ended.content
    assert ended.json()["valid_to"] == (today() - dt.timedelta(days=1)).isoformat()
    future = DelegationFactory(
        person=manager.person,
        valid_from=today() + dt.timedelta(days=10),
        valid_to=today() + dt.timedelta(days=12),
    )
    assert end(manager, future).status_code == 204
    assert not Delegation.objects.filter(pk=future.pk).exists()
    assert list(
        Event.objects.filter(action="delegation.end").values_list("target_id", flat=True)
    ) == [str(running.pk), str(future.pk)]
    assert end(manager, running).status_code == 409


def test_only_the_delegator_ends_a_delegation(manager, unit):
    deputy = UserFactory(person=colleague(unit))
    delegation = DelegationFactory(
        person=manager.person, deputy=deputy.person, valid_from=today(), valid_to=today()
    )
    assert end(deputy, delegation).status_code == 403
    assert end(UserFactory(person=colleague(unit)), delegation).status_code == 404
    assert Delegation.objects.filter(pk=delegation.pk).exists()


def test_the_list_holds_the_callers_own_and_those_naming_them_deputy(manager):
    own = DelegationFactory(person=manager.person)
    as_deputy = DelegationFactory(deputy=manager.person)
    DelegationFactory()
    body = client_for(manager).get("/api/v1/delegations/").json()
    assert {row["id"] for row in body["results"]} == {own.pk, as_deputy.pk}


def test_delegation_list_takes_constant_queries(django_assert_num_queries, manager):
    client = client_for(manager)
    DelegationFactory(person=manager.person)
    with CaptureQueriesContext(connection) as one_row:
        client.get("/api/v1/delegations/")
    start = dt.date(2021, 1, 1)
    for offset in range(19):
        DelegationFactory(
            person=manager.person,
            valid_from=start + dt.timedelta(days=offset),
            valid_to=start + dt.timedelta(days=offset),
        )
    with django_assert_num_queries(len(one_row)):
        assert client.get("/api/v1/delegations/").json()["count"] == 20


@pytest.mark.parametrize(
    "path", ["/api/v1/people/a%00b/", "/api/v1/units/a%00b/", "/api/v1/people/?unit=a%00b"]
)
def test_a_nul_byte_in_the_address_is_no_server_error(path):
    response = client_for(UserFactory(app_roles=["specialist"])).get(path)
    assert response.status_code in {200, 400, 404}


def test_a_malformed_deputy_is_a_400(manager):
    response = delegate(manager, "E1\x00", today(), today())
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"deputy"}


def viewed() -> list[tuple[str, str, dict]]:
    return [
        (event.actor_label, event.target_id, event.after)
        for event in Event.objects.filter(action="personnummer_viewed")
    ]


def test_each_whole_personnummer_shown_is_recorded_without_the_number(unit):
    people = PersonFactory.create_batch(2, unit=unit)
    specialist = UserFactory(app_roles=["specialist"])
    client = client_for(specialist)

    client.get(f"/api/v1/people/{people[0].employee_id}/")
    client.get("/api/v1/people/", {"unit": "4711"})

    assert viewed() == [
        (
            specialist.username,
            str(people[0].pk),
            {"via": "api.people", "employee_ids": [people[0].employee_id]},
        ),
        (
            specialist.username,
            "",
            {"via": "api.people", "employee_ids": [p.employee_id for p in sorted_people(people)]},
        ),
    ]
    stored = str(list(Event.objects.values_list("before", "after", "target_label")))
    assert not {person.personnummer for person in people} & set(stored.split("'"))


def sorted_people(people):
    return sorted(people, key=lambda p: (p.last_name, p.first_name, p.employee_id))


def test_masked_personnummer_and_ones_own_are_not_recorded(manager, unit):
    PersonFactory(unit=unit)

    client_for(manager).get("/api/v1/people/", {"unit": "4711"})
    client_for(UserFactory(app_roles=["auditor"])).get("/api/v1/people/")
    own = UserFactory(app_roles=["specialist"])
    client_for(own).get(f"/api/v1/people/{own.person.employee_id}/")

    assert viewed() == []
