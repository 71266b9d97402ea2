"""GET /api/v1/people/{employee_id}/ includes the person's completions and bookings."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.clients import client_for
from tests.factories import (
    BookingFactory,
    CompletionFactory,
    ManagerLinkFactory,
    PersonFactory,
    UserFactory,
    course,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager():
    return UserFactory(person=ManagerLinkFactory().manager)


@pytest.fixture
def staff(manager):
    return PersonFactory(unit=manager.person.unit)


def detail(user, person):
    response = client_for(user).get(f"/api/v1/people/{person.employee_id}/")
    assert response.status_code == 200, response.content
    return response.json()


def test_the_detail_lists_completions_and_open_bookings_newest_first(manager, staff):
    CompletionFactory(person=staff, course=course("intro"), completed_on=dt.date(2024, 1, 15))
    CompletionFactory(person=staff, course=course("kurs-chef"), completed_on=dt.date(2024, 3, 1))
    BookingFactory(person=staff, course=course("kurs-chef"), booked_on=dt.date(2024, 2, 1))
    BookingFactory(
        person=staff, course=course("kurs-heromarapportor"), booked_on=dt.date(2024, 2, 10)
    )
    assert detail(manager, staff)["training"] == [
        {
            "course": {"code": "kurs-chef", "name": course("kurs-chef").name},
            "status": "completed",
            "date": "2024-03-01",
        },
        {
            "course": {
                "code": "kurs-heromarapportor",
                "name": course("kurs-heromarapportor").name,
            },
            "status": "booked",
            "date": "2024-02-10",
        },
        {
            "course": {"code": "intro", "name": course("intro").name},
            "status": "completed",
            "date": "2024-01-15",
        },
    ]


def test_the_detail_keeps_the_person_fields(manager, staff):
    body = detail(manager, staff)
    assert body["employee_id"] == staff.employee_id
    assert body["personnummer"] == staff.personnummer[:8] + "-****"
    assert body["training"] == []


def test_someone_elses_training_is_not_shown(manager, staff):
    CompletionFactory(person=PersonFactory(unit=staff.unit))
    assert detail(manager, staff)["training"] == []


@pytest.mark.parametrize("app_roles", [["auditor"], ["specialist"]])
def test_whoever_may_see_the_person_sees_their_training(staff, app_roles):
    CompletionFactory(person=staff)
    [record] = detail(UserFactory(app_roles=app_roles), staff)["training"]
    assert (record["course"]["code"], record["status"]) == ("intro", "completed")


def test_a_person_out_of_scope_is_not_found_with_their_training(manager):
    stranger = PersonFactory()
    CompletionFactory(person=stranger)
    response = client_for(manager).get(f"/api/v1/people/{stranger.employee_id}/")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_the_detail_takes_constant_queries(django_assert_num_queries, manager, staff):
    client = client_for(manager)
    path = f"/api/v1/people/{staff.employee_id}/"
    CompletionFactory(person=staff)
    with CaptureQueriesContext(connection) as one_record:
        assert len(client.get(path).json()["training"]) == 1
    for code in ("chef-webb", "personaloversikt", "for-chefer", "kurs-chef"):
        CompletionFactory(person=staff, course=course(code))
    for code in ("kurs-heromarapportor", "kurs-administrativt-stod", "kurs-uppgradering"):
        BookingFactory(person=staff, course=course(code))
    with django_assert_num_queries(len(one_record)):
        assert len(client.get(path).json()["training"]) == 8
