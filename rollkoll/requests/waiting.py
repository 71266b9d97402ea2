"""What a signed form waits for: the classroom courses not yet completed.

At VGR the form goes to specialist support when the course is booked
(`at_booking`): it waits there, in their queue, until the completion arrives.
The booking's date is the course date Lärportalen reports for the booking.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rollkoll.catalog.reasons import Code
from rollkoll.requests import eligibility
from rollkoll.requests.models import AccessRequest
from rollkoll.training.models import Booking

AWAITED = (Code.CLASSROOM_COURSE_BOOKED, Code.CLASSROOM_COURSE_NOT_COMPLETED)


@dataclass(frozen=True)
class AwaitedCourse:
    code: str
    name: str
    booked: dt.date | None


def awaited_courses(request: AccessRequest) -> list[AwaitedCourse]:
    """The courses the form waits for, with their booking dates; empty when none."""
    if request.role is None:
        return []
    decision = eligibility.check(
        person=request.person,
        role=request.role,
        units=list(request.units.all()),
        on=request.valid_from,
        counted=AccessRequest.objects.none(),
    )
    courses = {
        r.course.code: r.course.name for r in decision.reasons if r.code in AWAITED and r.course
    }
    booked = dict(
        Booking.objects.filter(person=request.person, course__code__in=courses).values_list(
            "course__code", "booked_on"
        )
    )
    return [AwaitedCourse(code, name, booked.get(code)) for code, name in sorted(courses.items())]
