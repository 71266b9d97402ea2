"""Periodic jobs of the request flow, run by `rollkoll worker` (ROLLKOLL_PERIODIC_JOBS).

`remind_training_overdue`: a form waiting for its course whose booked course
date is more than TRAINING_GRACE_DAYS past is pointed out once to its signer
and its preparer (the completion may never have been reported, or the course
was missed).

`remind_overdue_stages`: a stage is overdue the first working day after its
due date (`stage_due`: the stage's SLA in working days from the day it was
entered; Swedish public holidays do not count). Then, one step per working day and
each step once: a reminder to the stage's holders, an escalation to the
deputies its approvers have named, an escalation to the contact of the
person's business area. A step with nobody to tell is passed over. Running
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
from rollkoll.requests import selectors
from rollkoll.requests.models import AccessRequest, RequestStatus
from rollkoll.requests.services import _act
from rollkoll.requests.waiting import awaited_courses

Recipients = Callable[[AccessRequest, dt.date], Sequence[Person | User | None]]


def _holders(request: AccessRequest, today: dt.date) -> list[Person | User | None]:
    return [h.person or h.user for h in selectors.holders_now(request, today)]


def _deputies(request: AccessRequest, today: dt.date) -> list[Person]:
    stage = selectors.current_stage(request)
    return selectors.deputies_of_stage(stage, request.organisation) if stage else []


def _contact(request: AccessRequest, today: dt.date) -> list[Person]:
    contact = request.person.unit.business_area.contact
    return [contact] if contact else []


# (kind of notification, who is told), in the order the steps are taken
STEPS: list[tuple[str, Recipients]] = [
    (Kind.STAGE_OVERDUE, _holders),
    (Kind.STAGE_ESCALATED, _deputies),
    (Kind.STAGE_ESCALATED, _contact),
]


TRAINING_GRACE_DAYS = 30


def remind_training_overdue(*, today: dt.date | None = None) -> int:
    """Tell the signer and the preparer of each form still waiting long after its course."""
    today = today or timezone.localdate()
    waiting = AccessRequest.objects.filter(
        status=RequestStatus.WAITING_FOR_TRAINING, reminded_on__isnull=True
    )
    return sum(_remind_training(pk, today) for pk in waiting.values_list("pk", flat=True))


@transaction.atomic
def _remind_training(pk: int, today: dt.date) -> bool:
    request = _act.locked(AccessRequest(pk=pk))
    if request.status != RequestStatus.WAITING_FOR_TRAINING or request.reminded_on:
        return False
    late = dt.timedelta(days=TRAINING_GRACE_DAYS)
    overdue = [c for c in awaited_courses(request) if c.booked and c.booked + late < today]
    if not overdue:
        return False
    signer = request.signature.signer if request.signature else None
    _act.send(Kind.TRAINING_OVERDUE, request, [signer, request.requested_by])
    request.reminded_on = today
    request.save(update_fields=["reminded_on", "updated_at"])
    record(
        actor=None,
        action="request_training_overdue",
        target=request,
        before=None,
        after={"courses": {c.code: c.booked.isoformat() for c in overdue if c.booked}},
    )
    return True


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
