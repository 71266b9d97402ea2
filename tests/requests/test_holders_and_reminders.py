"""Who holds a stage (deputies of away approvers), and reminders by working days."""

import datetime as dt
import zoneinfo

import pytest
from django.utils import timezone

from rollkoll.errors import NotPermitted
from rollkoll.requests.selectors import holders_now, queue_of
from rollkoll.requests.services import request_approve, requests_sign
from rollkoll.requests.services.reminders import remind_overdue_stages
from tests.factories import PASSWORD, DelegationFactory, PersonFactory, UserFactory
from tests.requests.flow import outbox

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def test_an_away_approvers_queue_goes_to_the_deputy(world, request_):
    stand_in = UserFactory(person=PersonFactory(unit=world.parent, email="vikarie@example.org"))
    DelegationFactory(
        person=world.coordinator.person, deputy=stand_in.person, valid_from=dt.date(2026, 1, 1)
    )
    [request] = requests_sign(requests=[request_], actor=world.manager, password=PASSWORD)
    holders = {(h.name, h.deputy_for) for h in holders_now(request)}
    assert holders == {
        (stand_in.person.full_name, world.coordinator.person),
        (world.coordinator2.person.full_name, None),
    }
    assert outbox("request_in_queue") == ["samordnare2@example.org", "vikarie@example.org"]
    with pytest.raises(NotPermitted):
        request_approve(request=request, actor=UserFactory(person=PersonFactory()))
    request = request_approve(request=request, actor=stand_in)
    assert request.stage == 2


@pytest.fixture
def signed_before_easter(world, request_, monkeypatch):
    """Signed on Thursday 2 April 2026; Good Friday and Easter Monday are holidays."""
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2026, 4, 2, 10, tzinfo=STOCKHOLM))
    [request] = requests_sign(requests=[request_], actor=world.manager, password=PASSWORD)
    monkeypatch.undo()
    return request


def test_stage_due_skips_swedish_holidays(signed_before_easter):
    """Two working days after Thursday 2 April: Tuesday 7 and Wednesday 8 April."""
    assert signed_before_easter.stage_due == dt.date(2026, 4, 8)


def test_reminder_then_escalations_each_once_on_working_days(world, signed_before_easter):
    DelegationFactory(
        person=world.coordinator2.person,
        deputy=PersonFactory(email="ersattare@example.org"),
        valid_from=dt.date(2026, 7, 1),
    )
    days = {
        dt.date(2026, 4, 8): 0,  # due today: not overdue yet
        dt.date(2026, 4, 9): 1,  # reminder to the holders
        dt.date(2026, 4, 10): 1,  # escalation to the deputies
        dt.date(2026, 4, 11): 0,  # Saturday
        dt.date(2026, 4, 13): 1,  # escalation to the business-area contact
        dt.date(2026, 4, 14): 0,  # nothing is left to send
    }
    for day, steps in days.items():
        assert remind_overdue_stages(today=day) == steps, day
        assert remind_overdue_stages(today=day) == 0, day
    assert outbox("stage_overdue") == ["samordnare2@example.org", "samordnare@example.org"]
    assert outbox("stage_escalated") == ["ersattare@example.org", "kontakt@example.org"]


def test_escalation_without_deputies_goes_to_the_contact(world, signed_before_easter):
    remind_overdue_stages(today=dt.date(2026, 4, 9))
    remind_overdue_stages(today=dt.date(2026, 4, 10))
    assert outbox("stage_escalated") == ["kontakt@example.org"]


def test_a_new_stage_starts_its_reminders_afresh(world, signed_before_easter):
    remind_overdue_stages(today=dt.date(2026, 4, 9))
    request = request_approve(request=signed_before_easter, actor=world.coordinator)
    assert (request.reminder_level, request.reminded_on) == (0, None)
    assert request.stage_due > dt.date(2026, 4, 9)


def test_queues_follow_the_stage_and_the_deputies(world, request_):
    stand_in = UserFactory(person=PersonFactory(unit=world.parent))
    DelegationFactory(
        person=world.coordinator.person, deputy=stand_in.person, valid_from=dt.date(2026, 1, 1)
    )
    elsewhere = UserFactory(app_roles=[("coordinator", world.other)])
    [request] = requests_sign(requests=[request_], actor=world.manager, password=PASSWORD)

    def holding(user):
        return list(queue_of(user))

    assert holding(world.coordinator) == holding(stand_in) == [request]
    assert holding(world.specialist) == holding(elsewhere) == holding(world.manager) == []
    request_approve(request=request, actor=world.coordinator2)
    assert holding(world.specialist) == [request]
    assert holding(stand_in) == []


def test_the_person_a_request_is_about_is_never_offered_it(world, signed_before_easter):
    """The employee stands in for an away coordinator, but not on their own request."""
    DelegationFactory(
        person=world.coordinator2.person, deputy=world.employee, valid_from=dt.date(2026, 1, 1)
    )
    employee = UserFactory(person=world.employee)
    assert world.employee not in [h.person for h in holders_now(signed_before_easter)]
    assert list(queue_of(employee)) == []
    with pytest.raises(NotPermitted):
        request_approve(request=signed_before_easter, actor=employee)
    remind_overdue_stages(today=dt.date(2026, 4, 9))
    remind_overdue_stages(today=dt.date(2026, 4, 10))
    assert outbox("stage_escalated") == ["kontakt@example.org"]
