"""The eligibility adapter: loads the facts from the database and asks the engine.

`check` answers for one person, one role and the units asked for; `check_many`
for many people and roles on each person's own unit, in a fixed number of
queries however many people. The organisation whose rules apply is that of the
person's own unit (their employer), and the manager kind is theirs.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from rollkoll.catalog import rules
from rollkoll.catalog.models import Role
from rollkoll.catalog.reasons import MESSAGES
from rollkoll.catalog.selectors import CatalogOnDate
from rollkoll.org.models import Person, Unit, User
from rollkoll.register.models import GrantUnit
from rollkoll.requests.models import AccessRequest, RequestKind, RequestStatus
from rollkoll.training.selectors import course_codes_by_person

Ids = Iterable[int] | QuerySet


SIGNED_UNDER_WAY = (RequestStatus.IN_REVIEW, RequestStatus.WAITING_FOR_TRAINING)


def counted_requests(
    *, drafts_of: User | None = None, together: Iterable[int] = ()
) -> QuerySet[AccessRequest]:
    """Requests under way whose roles count as present on their units.

    A role another form applies for counts toward what a role needs on the unit
    (a Chef webb needs a Heromarapportör) once that form is signed. A draft counts
    only among the forms one manager prepares together (`drafts_of`, their own
    drafts) and signs together (`together`, the forms of one signing act).
    """
    counted = Q(status__in=SIGNED_UNDER_WAY)
    if drafts_of is not None:
        counted |= Q(status=RequestStatus.DRAFT, requested_by=drafts_of)
    if together:
        counted |= Q(pk__in=list(together))
    return AccessRequest.objects.filter(counted)


def pending_roles(
    person_ids: Ids, unit_ids: Ids, on: dt.date, counted: QuerySet[AccessRequest]
) -> tuple[dict[int, set[str]], dict[int, set[str]]]:
    """Role codes in requests under way: (by person id, by unit id).

    The first dict maps each person to the roles they have applied for in any
    form under way, the draft included, so an exclusive role is never combined
    with one still being applied for. The second maps each unit to the roles
    the `counted` forms apply for on it from the date on. Ending requests and
    manager links do not count.
    """
    by_person: dict[int, set[str]] = defaultdict(set)
    by_unit: dict[int, set[str]] = defaultdict(set)
    role_kinds = Q(kind__in=[RequestKind.GRANT, RequestKind.CHANGE])
    for person_id, code in (
        AccessRequest.objects.pending()
        .filter(role_kinds, person_id__in=person_ids)
        .values_list("person_id", "role__code")
    ):
        by_person[person_id].add(code)
    for unit_id, code in (
        counted.filter(role_kinds, units__in=unit_ids, valid_from__lte=on)
        .values_list("units", "role__code")
        .distinct()
    ):
        by_unit[unit_id].add(code)
    return by_person, by_unit


@dataclass(frozen=True)
class _Facts:
    """Everything the engine needs about a set of people and units on a date."""

    completed: dict[int, frozenset[str]]
    booked: dict[int, frozenset[str]]
    held: dict[int, set[str]]
    held_on_unit: dict[tuple[int, int], set[str]]
    present: dict[int, set[str]]
    pending_by_person: dict[int, set[str]]
    units: dict[int, tuple[str, int]]  # unit id -> (code, organisation id)
    interned: dict[frozenset[str], frozenset[str]] = field(default_factory=dict)

    @classmethod
    def load(
        cls, person_ids: Ids, unit_ids: Ids, on: dt.date, counted: QuerySet[AccessRequest]
    ) -> _Facts:
        completed, booked = course_codes_by_person(person_ids, on)
        held: dict[int, set[str]] = defaultdict(set)
        held_on_unit: dict[tuple[int, int], set[str]] = defaultdict(set)
        for person_id, code, unit_id in (
            GrantUnit.objects.held_from(on)
            .filter(grant__person_id__in=person_ids)
            .values_list("grant__person_id", "grant__role__code", "unit_id")
        ):
            held[person_id].add(code)
            held_on_unit[person_id, unit_id].add(code)
        present: dict[int, set[str]] = defaultdict(set)
        for unit_id, code in (
            GrantUnit.objects.active_on(on)
            .filter(unit_id__in=unit_ids)
            .values_list("unit_id", "grant__role__code")
            .distinct()
        ):
            present[unit_id].add(code)
        pending_by_person, pending_by_unit = pending_roles(person_ids, unit_ids, on, counted)
        for unit_id, codes in pending_by_unit.items():
            present[unit_id] |= codes
        units = {
            pk: (code, organisation_id)
            for pk, code, organisation_id in Unit.objects.filter(pk__in=unit_ids).values_list(
                "pk", "code", "business_area__organisation_id"
            )
        }
        return cls(completed, booked, held, held_on_unit, present, pending_by_person, units)

    def person(self, person_id: int) -> rules.PersonFacts:
        return rules.PersonFacts(
            completed=self._shared(self.completed.get(person_id, ())),
            booked=self._shared(self.booked.get(person_id, ())),
            held_roles=self._shared(self.held.get(person_id, ())),
            pending_roles=self._shared(self.pending_by_person.get(person_id, ())),
        )

    def _shared(self, codes: Iterable[str]) -> frozenset[str]:
        """One object per distinct set, so the engine's memo compares by identity."""
        found = frozenset(codes)
        return self.interned.setdefault(found, found)

    def unit(self, person_id: int, unit_id: int) -> rules.UnitFacts:
        return rules.UnitFacts(
            code=self.units[unit_id][0],
            roles_present=frozenset(self.present.get(unit_id, ())),
            person_roles=frozenset(self.held_on_unit.get((person_id, unit_id), ())),
        )


def check(
    *,
    person: Person,
    role: Role | str,
    units: Sequence[Unit],
    on: dt.date | None = None,
    counted: QuerySet[AccessRequest] | None = None,
) -> rules.Decision:
    """Whether `person` may be granted `role` (a Role or its code) on `units` on the date.

    `counted` are the forms whose roles count as present on the units; by
    default the signed ones (see `counted_requests`).
    """
    on = on or timezone.localdate()
    unit_ids = {unit.pk for unit in units} | {person.unit_id}
    facts = _Facts.load(
        [person.pk], unit_ids, on, counted_requests() if counted is None else counted
    )
    policy = CatalogOnDate.load(on).policy(facts.units[person.unit_id][1], person.manager_kind)
    return rules.evaluate(
        role=role if isinstance(role, str) else role.code,
        policy=policy,
        person=facts.person(person.pk),
        units=[facts.unit(person.pk, unit.pk) for unit in units],
    )


def check_many(
    *, people: QuerySet[Person] | Sequence[Person], roles: Iterable[str], on: dt.date | None = None
) -> dict[tuple[int, str], rules.Decision]:
    """Every role for every person, each on the person's own unit."""
    on = on or timezone.localdate()
    roles = list(roles)
    if isinstance(people, QuerySet):
        person_ids: Ids = people.values("pk")
        unit_ids: Ids = people.values("unit_id")
        rows = list(people.values_list("pk", "unit_id", "manager_kind"))
    else:
        rows = [(person.pk, person.unit_id, person.manager_kind) for person in people]
        person_ids = [person_id for person_id, _unit, _kind in rows]
        unit_ids = {unit_id for _person, unit_id, _kind in rows}
    facts = _Facts.load(person_ids, unit_ids, on, counted_requests())
    catalog = CatalogOnDate.load(on)
    decisions: dict[tuple[int, str], rules.Decision] = {}
    for person_id, unit_id, manager_kind in rows:
        policy = catalog.policy(facts.units[unit_id][1], manager_kind)
        person_facts = facts.person(person_id)
        unit_facts = [facts.unit(person_id, unit_id)]
        for role in roles:
            decisions[person_id, role] = rules.evaluate(
                role=role, policy=policy, person=person_facts, units=unit_facts
            )
    return decisions


def decision_json(decision: rules.Decision) -> dict[str, Any]:
    """The API's shape of a decision, its texts in the active language."""
    return {
        "verdict": decision.verdict.value,
        "reasons": [
            {
                "code": reason.code,
                "message": _render(reason.code, 0, reason.params, reason.message),
                "action": _render(reason.code, 1, reason.params, reason.action),
                "course": _course_json(reason.course),
            }
            for reason in decision.reasons
        ],
        "suggestions": [
            {
                "code": suggestion.code,
                "message": _render(suggestion.code, 0, suggestion.params, suggestion.message),
                "role": suggestion.role,
                "course": _course_json(suggestion.course),
            }
            for suggestion in decision.suggestions
        ],
    }


def _render(code: str, part: int, params: Any, fallback: str) -> str:
    """The message translated from its Swedish msgid, or as given if the code is unknown."""
    template = MESSAGES.get(code, ("", ""))[part]
    if not template:
        return fallback
    return gettext(template) % params


def _course_json(course: rules.CourseRef | None) -> dict[str, str] | None:
    if course is None:
        return None
    return {"code": course.code, "name": course.name, "booking_url": course.booking_url}
