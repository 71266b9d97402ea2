"""Periodic jobs of the request flow, run by `rollkoll worker` (ROLLKOLL_PERIODIC_JOBS).

`remind_overdue_stages`: a stage is overdue the first working day after its
due date (`stage_due`: the stage's SLA in working days from the day it was
entered; Swedish public holidays do not count). Then, one step per working day and
each step once: a reminder to the stage's holders, an escalation to the
deputies its approvers have named, an escalation to the contact of the
person's business area. Nobody tied to the request (the person it is about,
whoever prepared or signed it) is told. A step with nobody to tell is passed over. Running
the job again on the same day sends nothing more; a new stage starts afresh.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from django.db import transaction
from django.utils import timezone

from rollkoll.audit.services import record
from rollkoll.notify.calendar import is_working_day
from rollkoll.notify.models import Kind
from rollkoll.org.models import Person, User
from rollkoll.requests import parties, selectors
from rollkoll.requests.models import AccessRequest, RequestStatus
from rollkoll.requests.services import _act

Recipients = Callable[[AccessRequest, dt.date], Sequence[Person | User | None]]


def _holders(request: AccessRequest, today: dt.date) -> list[Person | User | None]:
    return [h.person or h.user for h in selectors.holders_now(request, today)]


def _deputies(request: AccessRequest, today: dt.date) -> list[Person]:
    stage = selectors.current_stage(request)
    return selectors.deputies_of_stage(request, stage) if stage else []


def _contact(request: AccessRequest, today: dt.date) -> list[Person]:
    contact = request.person.unit.business_area.contact
    return parties.untied(request, [contact] if contact else [])


# (kind of notification, who is told), in the order the steps are taken
STEPS: list[tuple[str, Recipients]] = [
    (Kind.STAGE_OVERDUE, _holders),
    (Kind.STAGE_ESCALATED, _deputies),
    (Kind.STAGE_ESCALATED, _contact),
]


def remind_overdue_stages(*, today: dt.date | None = None) -> int:
    """Take the next reminder step on each overdue stage; returns how many were taken."""
    today = today or timezone.localdate()
    if not is_working_day(today):
        return 0
    overdue = AccessRequest.objects.filter(
        status=RequestStatus.IN_REVIEW, stage_due__lt=today, reminder_level__lt=len(STEPS)
    ).exclude(reminded_on=today)
    return sum(_remind(pk, today) for pk in overdue.values_list("pk", flat=True))


@transaction.atomic
def _remind(pk: int, today: dt.date) -> bool:
    request = _act.locked(AccessRequest(pk=pk))
    due = request.stage_due
    if request.status != RequestStatus.IN_REVIEW or request.reminded_on == today:
        return False
    if due is None or today <= due or request.reminder_level >= len(STEPS):
        return False
    before = {"reminder_level": request.reminder_level}
    for level in range(request.reminder_level, len(STEPS)):
        kind, recipients = STEPS[level]
        people = recipients(request, today)
        if people:
            _act.send(kind, request, people)
            break
    else:
        level = len(STEPS) - 1
    request.reminder_level = level + 1
    request.reminded_on = today
    request.save(update_fields=["reminder_level", "reminded_on", "updated_at"])
    record(
        actor=None,
        action="request_stage_reminded",
        target=request,
        before=before,
        after={"reminder_level": request.reminder_level, "due": due.isoformat()},
    )
    return True
