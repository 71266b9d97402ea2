"""Requests in flight for the demo, made through the same services as real acts.

The demo shows the SÄS route at each step: a request carried out into the
register, one with payroll specialist support, one in the staffing
coordinator's queue and a draft waiting for the manager's signature. Each goes
to a different member of the manager's staff, for a role the engine finds them
eligible for today.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from django.utils import timezone

from rollkoll.catalog.models import Role
from rollkoll.catalog.rules import Verdict
from rollkoll.errors import DomainError
from rollkoll.org.models import Person, User
from rollkoll.requests.eligibility import check_many
from rollkoll.requests.models import AccessRequest, RequestKind
from rollkoll.requests.services import (
    request_approve,
    request_carry_out,
    request_create,
    requests_sign,
)


def demo_requests(
    *, manager: User, coordinator: User, specialist: User, password: str
) -> list[AccessRequest]:
    """One request per step of the route; nothing when the demo already has requests."""
    if AccessRequest.objects.exists():
        return []

    def sign(request: AccessRequest) -> AccessRequest:
        return requests_sign(requests=[request], actor=manager, password=password)[0]

    def approve(request: AccessRequest) -> AccessRequest:
        return request_approve(request=sign(request), actor=coordinator)

    def carry_out(request: AccessRequest) -> AccessRequest:
        return request_carry_out(request=approve(request), actor=specialist)

    steps: list[Callable[[AccessRequest], AccessRequest]] = [carry_out, approve, sign, _as_is]
    made = []
    for person, role in _eligible(manager):
        if not steps:
            break
        try:
            draft = request_create(
                actor=manager,
                kind=RequestKind.GRANT,
                person=person,
                role=role,
                units=[person.unit],
                valid_from=timezone.localdate(),
            )
            made.append(steps[0](draft))
        except DomainError:
            continue
        steps.pop(0)
    return made


def _as_is(request: AccessRequest) -> AccessRequest:
    return request


def _eligible(manager: User) -> Iterator[tuple[Person, Role]]:
    """Each of the manager's staff once, with the first role they are eligible for."""
    staff = list(
        Person.objects.filter(unit_id__in=manager.scope.managed_unit_ids)
        .exclude(pk=manager.person_id or 0)
        .select_related("unit")
        .order_by("employee_id")
    )
    roles = list(Role.objects.order_by("sort_order", "code"))
    decisions = check_many(people=staff, roles=[role.code for role in roles])
    for person in staff:
        for role in roles:
            if decisions[person.pk, role.code].verdict == Verdict.ELIGIBLE:
                yield person, role
                break
