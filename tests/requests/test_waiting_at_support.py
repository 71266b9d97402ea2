"""VGR: a form signed at course booking is at specialist support while it waits."""

import datetime as dt

import pytest

from rollkoll.errors import Conflict
from rollkoll.notify.models import Kind
from rollkoll.requests.models import RequestStatus
from rollkoll.requests.selectors import queue_of
from rollkoll.requests.services import request_carry_out, requests_sign
from rollkoll.requests.services.reminders import remind_training_overdue
from tests.factories import PASSWORD, BookingFactory, role
from tests.requests.api.world import client_for
from tests.requests.flow import completed, draft, outbox

COURSE_DATE = dt.date(2026, 12, 10)


@pytest.fixture
def waiting(world):
    person = world.other_employee
    completed(person, "intro", "personaloversikt")
    BookingFactory(
        person=person, course=role("heromarapportor").classroom_course, booked_on=COURSE_DATE
    )
    request = draft(world.other_manager, person, "heromarapportor", world.other_unit)
    return requests_sign(requests=[request], actor=world.other_manager, password=PASSWORD)[0]


def test_it_is_in_specialist_supports_queue_from_signing(world, waiting):
    assert waiting.status == RequestStatus.WAITING_FOR_TRAINING
    assert list(queue_of(world.specialist)) == [waiting]


def test_its_detail_names_the_course_and_the_booked_date(world, waiting):
    answer = client_for(world.specialist).get(f"/api/v1/requests/{waiting.pk}/")
    assert answer.json()["waiting_for"] == [
        {
            "course": "kurs-heromarapportor",
            "name": role("heromarapportor").classroom_course.name,
            "booked": COURSE_DATE.isoformat(),
        }
    ]


def test_carrying_it_out_before_the_course_names_the_course(world, waiting):
    with pytest.raises(Conflict) as refused:
        request_carry_out(request=waiting, actor=world.specialist)
    assert refused.value.code == "training_not_completed"
    assert role("heromarapportor").classroom_course.name in refused.value.detail
    assert "10 december 2026" in refused.value.detail
    waiting.refresh_from_db()
    assert waiting.status == RequestStatus.WAITING_FOR_TRAINING


def test_no_result_30_days_after_the_course_reminds_the_manager_once(world, waiting):
    assert remind_training_overdue(today=COURSE_DATE + dt.timedelta(days=30)) == 0
    assert remind_training_overdue(today=COURSE_DATE + dt.timedelta(days=31)) == 1
    assert outbox(Kind.TRAINING_OVERDUE) == ["nal-chef@example.org"]
    assert remind_training_overdue(today=COURSE_DATE + dt.timedelta(days=40)) == 0
