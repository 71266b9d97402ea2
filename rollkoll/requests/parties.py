"""Who is tied to a request, and which units its preparer may request for.

Ties (`workflow.Tie`): the person a request is about is tied by their own
access; whoever prepared it (the account that created it) or signed it is
tied by four eyes. `workflow.decide` bars tied actors from the acts the tie
names; the selectors leave tied people out of whom they offer a request to
(the queue, the stage's holders, the escalation) and out of who signs it.

Reach: every unit of a request must lie within what its preparer may request
for. It must belong to the request's organisation (the person's; for a
manager link, that of the units to link) and to the preparer's reach: the
units they manage today (as manager, or as the deputy of one, as `org.scope`
reads them) and every unit below those, and for a business-area contact the
units of their area. A request never spans two organisations: each
organisation's units are applied for once per organisation, so that each
request goes through its own organisation's route.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.translation import gettext as _

from rollkoll.errors import DomainError
from rollkoll.org.models import Organisation, Person, Unit, User
from rollkoll.requests.models import AccessRequest, RequestKind
from rollkoll.requests.workflow import Tie


def checkers(request: AccessRequest) -> tuple[set[int], set[int]]:
    """The accounts and the people who prepared or signed the request."""
    users = {request.requested_by_id}
    people = {request.requested_by.person_id or 0}
    if request.signature is not None:
        users.add(request.signature.signer_id)
        people.add(request.signature.signer_person_id)
    return users, people - {0}


def ties_of(
    request: AccessRequest, *, person_id: int | None, user_id: int | None = None
) -> frozenset[Tie]:
    """The ties between one person (or account) and the request."""
    ties = set()
    if person_id is not None and person_id == request.person_id:
        ties.add(Tie.OWN_ACCESS)
    users, people = checkers(request)
    if user_id in users or (person_id is not None and person_id in people):
        ties.add(Tie.FOUR_EYES)
    return frozenset(ties)


def untied(request: AccessRequest, people: Iterable[Person]) -> list[Person]:
    """The people with no tie to the request: those it may be offered to."""
    return [person for person in people if not ties_of(request, person_id=person.pk)]


# Reach


def organisation_for(kind: str, person: Person, units: Sequence[Unit]) -> Organisation:
    """The request's organisation: the person's, or for a manager link the first unit's."""
    return units[0].organisation if kind == RequestKind.MANAGER_LINK else person.unit.organisation


def _within_reach(unit: Unit, managed: frozenset[int], areas: frozenset[int]) -> bool:
    if unit.business_area_id in areas:
        return True
    current: Unit | None = unit
    while current is not None:
        if current.pk in managed:
            return True
        current = current.parent
    return False


def _refusal(code: str, unit: Unit) -> dict[str, Any]:
    messages = {
        "unit_other_organisation": _(
            "%(unit)s hör till en annan organisation än blanketten; "
            "ansök för den organisationen på en egen blankett."
        ),
        "unit_out_of_reach": _("%(unit)s ligger utanför de ansvar du får ansöka för."),
    }
    return {"code": code, "message": messages[code] % {"unit": unit}, "unit": unit.code}


def unit_refusals(preparer: User, request: AccessRequest) -> list[dict[str, Any]]:
    """Why each unit of the request lies outside what the preparer may request for."""
    scope = preparer.scope
    refusals = []
    for unit in request.units.select_related("business_area", "parent"):
        if unit.business_area.organisation_id != request.organisation_id:
            refusals.append(_refusal("unit_other_organisation", unit))
        elif not _within_reach(unit, scope.managed_unit_ids, scope.business_area_ids):
            refusals.append(_refusal("unit_out_of_reach", unit))
    return refusals


def check_units(preparer: User, request: AccessRequest) -> None:
    """Refuse (400 `units_not_allowed`, with a reason per unit) a unit out of bounds."""
    refusals = unit_refusals(preparer, request)
    if refusals:
        raise DomainError(
            _("Blanketten gäller ansvar som du inte får ansöka för."),
            code="units_not_allowed",
            reasons=refusals,
        )
