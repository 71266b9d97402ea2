"""The demo's story in motion: requests in flight, made through the same services as real acts.

The generator's story (`fictitious.story`) puts named people in every state
the rules know; here their managers act on them, so that each persona finds
something waiting on the start page:

- at SÄS, one request carried out into the register, one approved by the
  staffing coordinator (in specialist support's queue), two signed (in the
  coordinator's queue: a Heromarapportör whose courses are completed and the
  interim Chef webb of a person waiting for the Chef course), and a draft
  ending the role of a leaver, for the manager or their out-of-office deputy
  to sign (the manager is away from today, with the deputy named);
- at the VGR organisation, a draft for a person who has booked the classroom
  course (VGR lets the form go then) for its manager to sign, and the upgrade
  from Administrativt stöd to Heromarapportör signed, in specialist support's
  queue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.utils import timezone

from rollkoll.catalog.models import Role
from rollkoll.fictitious.story import Cast
from rollkoll.org.models import Person, User
from rollkoll.org.services import delegation_create
from rollkoll.requests.models import AccessRequest, RequestKind
from rollkoll.requests.services import (
    request_approve,
    request_carry_out,
    request_create,
    requests_sign,
)

AWAY_DAYS = 13


class _Story:
    def __init__(self, users: Mapping[str, User], cast: Cast, password: str) -> None:
        self.users, self.cast, self.password = users, cast, password
        self.today = timezone.localdate()

    def person(self, part: str) -> Person:
        return Person.objects.select_related("unit").get(employee_id=getattr(self.cast, part))

    def draft(
        self, manager: str, part: str, role: str, kind: str = RequestKind.GRANT
    ) -> AccessRequest:
        person = self.person(part)
        return request_create(
            actor=self.users[manager],
            kind=kind,
            person=person,
            role=Role.objects.get(code=role),
            units=[person.unit],
            valid_from=self.today,
        )

    def sign(self, manager: str, request: AccessRequest) -> AccessRequest:
        return requests_sign(requests=[request], actor=self.users[manager], password=self.password)[
            0
        ]

    def approve(self, request: AccessRequest) -> AccessRequest:
        return request_approve(request=request, actor=self.users["samordnare"])

    def away(self) -> None:
        """The SÄS manager is away from today and names the deputy."""
        manager = self.users["chef"]
        assert manager.person is not None
        delegation_create(
            person=manager.person,
            deputy=self.person("deputy"),
            valid_from=self.today,
            valid_to=self.today + dt.timedelta(days=AWAY_DAYS),
            actor=manager,
        )


def demo_requests(*, users: Mapping[str, User], cast: Cast, password: str) -> list[AccessRequest]:
    """The story's requests; nothing when the demo already has requests."""
    if AccessRequest.objects.exists():
        return []
    story = _Story(users, cast, password)
    reporter = "heromarapportor"
    carried = story.approve(story.sign("chef", story.draft("chef", "carried_out", reporter)))
    made = [
        request_carry_out(request=carried, actor=users["specialist"]),
        story.approve(story.sign("chef", story.draft("chef", "approved", reporter))),
        story.sign("chef", story.draft("chef", "course_completed", reporter)),
        story.sign("chef", story.draft("chef", "interim", "chef-webb")),
        story.draft("chef", "leaver", reporter, RequestKind.END),
        story.draft("chef-vgr", "course_booked", reporter),
        story.sign("chef-vgr", story.draft("chef-vgr", "upgrade", reporter)),
    ]
    story.away()
    return made
