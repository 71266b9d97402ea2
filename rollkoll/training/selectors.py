"""Reads of training records: which courses people have passed or booked."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import CharField, F, QuerySet, Value

from rollkoll.org.models import Person
from rollkoll.training.models import Booking, Completion, TrainingStatus

PersonIds = Iterable[int] | QuerySet


def course_codes_by_person(
    person_ids: PersonIds, on: dt.date | None = None
) -> tuple[dict[int, frozenset[str]], dict[int, frozenset[str]]]:
    """(completed, booked) course codes per person id, in one query.

    `person_ids` may be a queryset of ids, which keeps the query one subquery
    however many people it covers. A booked course that is also completed is
    reported as completed only. With `on`, completions dated after it are left
    out; a booking counts whatever its date, which is the date of the course
    booked (a course next month is booked today).
    """
    completions = Completion.objects.filter(person_id__in=person_ids)
    bookings = Booking.objects.filter(person_id__in=person_ids)
    if on is not None:
        completions = completions.filter(completed_on__lte=on)
    rows = (
        completions.annotate(done=Value(True))
        .values_list("person_id", "course__code", "done")
        .union(
            bookings.annotate(done=Value(False)).values_list("person_id", "course__code", "done"),
            all=True,
        )
    )
    completed: dict[int, set[str]] = defaultdict(set)
    booked: dict[int, set[str]] = defaultdict(set)
    for person_id, code, done in rows:
        (completed if done else booked)[person_id].add(code)
    return (
        {person_id: frozenset(codes) for person_id, codes in completed.items()},
        {
            person_id: frozenset(codes - completed.get(person_id, set()))
            for person_id, codes in booked.items()
        },
    )


@dataclass(frozen=True)
class TrainingRecord:
    course_code: str
    course_name: str
    status: TrainingStatus
    date: dt.date


def training_of(person: Person) -> list[TrainingRecord]:
    """The person's completions and open bookings, newest first, in one query.

    As for the engine, a booked course that is also completed shows as completed only.
    """
    columns = ("course__code", "course__name", "on", "state")
    completed = Completion.objects.filter(person=person)
    booked = Booking.objects.filter(person=person).exclude(course__in=completed.values("course"))
    rows = (
        completed.annotate(on=F("completed_on"), state=_status(TrainingStatus.COMPLETED))
        .values_list(*columns)
        .union(
            booked.annotate(on=F("booked_on"), state=_status(TrainingStatus.BOOKED)).values_list(
                *columns
            ),
            all=True,
        )
    )
    records = [
        TrainingRecord(code, name, TrainingStatus(status), on) for code, name, on, status in rows
    ]
    return sorted(records, key=lambda record: (-record.date.toordinal(), record.course_code))


def _status(status: TrainingStatus) -> Value:
    return Value(status.value, output_field=CharField())
