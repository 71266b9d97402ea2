"""The eligibility engine: facts in, a verdict with reasons and suggestions out.

Pure Python: it imports nothing from Django, so it is fast, easy to test with
generated facts, and the same for pages, the API, imports and benchmarks. The
adapter in `requests/eligibility.py` loads the facts from the database.

Verdicts, in the order they are decided:
- `not_eligible`: the role is unknown; the person already holds it on every
  unit asked for; it cannot be combined with a role the person holds or has
  applied for (exclusive roles; a role the applied one replaces does not
  count: its interim role, and the from-role of an upgrade path); a unit lacks
  every role the applied one needs there (held or pending by anyone on the unit
  counts); a required e-learning is not passed; or the role's classroom course
  is neither booked nor completed, at every organisation.
- `pending_training`: all else holds, the classroom course is booked but not
  completed. Where the organisation lets the form go at booking (VGR), the
  reason is `classroom_course_booked` and the form may go; the request then
  waits for the completion. Where the form goes after training (SÄS), the
  reason is `classroom_course_not_completed` and the form may not be signed
  yet. `Decision.form_may_be_sent` tells the two apart.
- `eligible`: nothing stands in the way; there are no reasons.

A person who holds the from-role of an upgrade path needs only the upgrade
course instead of the role's classroom course (the full course counts too).
Roles without a classroom course (Chef webb, Schemaadministratör) need only
their e-learning, so their form goes after it everywhere.

Messages are Swedish; each reason and suggestion also has a stable code and
its parameters, so a caller can render it in another language from
`reasons.MESSAGES` (the msgids) and `params`.

Decisions depend on few facts, so they are memoised per policy: evaluating
every role for a whole region is mostly dictionary look-ups.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from rollkoll.catalog.reasons import MESSAGES, Code


class Verdict(StrEnum):
    ELIGIBLE = "eligible"
    PENDING_TRAINING = "pending_training"
    NOT_ELIGIBLE = "not_eligible"


class FormTiming(StrEnum):
    """When the signed form may go, relative to the role's classroom course."""

    AT_BOOKING = "at_booking"
    AFTER_TRAINING = "after_training"


@dataclass(frozen=True)
class CourseRef:
    code: str
    name: str
    booking_url: str = ""


@dataclass(frozen=True)
class RoleSpec:
    """One role's rules as they apply in one organisation on one date."""

    code: str
    name: str
    required_courses: tuple[CourseRef, ...] = ()
    classroom_course: CourseRef | None = None
    exclusive: bool = False
    manager_role: bool = False
    interim_role: str | None = None
    requires_on_unit: frozenset[str] = frozenset()
    upgrades_from: Mapping[str, CourseRef] = field(default_factory=dict)
    recommended_courses: tuple[CourseRef, ...] = ()


@dataclass(frozen=True)
class Policy:
    """The organisation's catalog on a date: role rules and local policies."""

    roles: Mapping[str, RoleSpec]
    form_timing: FormTiming = FormTiming.AT_BOOKING
    mapped_role: str | None = None  # the role the person's manager kind maps to
    _memo: dict[Any, Any] = field(default_factory=dict, init=False, repr=False, compare=False)


@dataclass(frozen=True)
class PersonFacts:
    completed: frozenset[str] = frozenset()  # course codes passed
    booked: frozenset[str] = frozenset()  # course codes booked, not yet passed
    held_roles: frozenset[str] = frozenset()  # role codes held on the date
    pending_roles: frozenset[str] = frozenset()  # role codes in requests under way


@dataclass(frozen=True)
class UnitFacts:
    code: str
    roles_present: frozenset[str] = frozenset()  # held or pending by anyone on the unit
    person_roles: frozenset[str] = frozenset()  # roles the person holds on this unit


@dataclass(frozen=True)
class Reason:
    code: str
    message: str
    action: str = ""
    course: CourseRef | None = None
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Suggestion:
    code: str
    message: str
    role: str | None = None
    course: CourseRef | None = None
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    reasons: tuple[Reason, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()

    @property
    def form_may_be_sent(self) -> bool:
        """Whether the manager may sign and send the form now."""
        if self.verdict is Verdict.ELIGIBLE:
            return True
        return self.verdict is Verdict.PENDING_TRAINING and all(
            reason.code == Code.CLASSROOM_COURSE_BOOKED for reason in self.reasons
        )


def reason(code: Code, course: CourseRef | None = None, **params: str) -> Reason:
    if course is not None:
        params.setdefault("course", course.name)
    message, action = MESSAGES[code]
    return Reason(code, message % params, action % params, course, params)


def suggestion(
    code: Code, role: str | None = None, course: CourseRef | None = None, **params: str
) -> Suggestion:
    if course is not None:
        params.setdefault("course", course.name)
    return Suggestion(code, MESSAGES[code][0] % params, role, course, params)


def evaluate(
    *, role: str, policy: Policy, person: PersonFacts, units: Sequence[UnitFacts]
) -> Decision:
    """Whether the person may be granted `role` on `units` under `policy`."""
    spec = policy.roles.get(role)
    if spec is None:
        return Decision(Verdict.NOT_ELIGIBLE, (reason(Code.UNKNOWN_ROLE, role=role),))
    decision = _person_decision(spec, policy, person)
    if spec.requires_on_unit or role in person.held_roles:
        on_units = _unit_reasons(spec, policy, person, units)
        if on_units:
            return Decision(Verdict.NOT_ELIGIBLE, on_units + decision.reasons, decision.suggestions)
    return decision


def _person_decision(spec: RoleSpec, policy: Policy, person: PersonFacts) -> Decision:
    """The part of the decision that depends on the person alone, memoised.

    First by the facts as given (cheap to hash), then by the facts that matter
    to the role, so that people who differ only in other courses share one entry.
    """
    memo = policy._memo
    given = (spec.code, person.completed, person.booked, person.held_roles, person.pending_roles)
    decision = memo.get(given)
    if decision is None:
        relevant = _relevant_courses(spec, policy)
        key = (
            spec.code,
            person.completed & relevant,
            person.booked & relevant,
            person.held_roles,
            person.pending_roles,
        )
        decision = memo.get(key)
        if decision is None:
            decision = memo[key] = _decide(spec, policy, person)
        memo[given] = decision
    return decision


def _relevant_courses(spec: RoleSpec, policy: Policy) -> frozenset[str]:
    """Every course code that can change the role's decision, interim role included."""
    key = ("courses", spec.code)
    courses = policy._memo.get(key)
    if courses is None:
        refs = [*spec.required_courses, *spec.upgrades_from.values(), *spec.recommended_courses]
        if spec.classroom_course:
            refs.append(spec.classroom_course)
        interim = policy.roles.get(spec.interim_role or "")
        if interim is not None and interim.code != spec.code:
            refs.extend(interim.required_courses)
            refs.extend(interim.upgrades_from.values())
            if interim.classroom_course:
                refs.append(interim.classroom_course)
        courses = frozenset(ref.code for ref in refs)
        policy._memo[key] = courses
    return courses


def _decide(spec: RoleSpec, policy: Policy, person: PersonFacts) -> Decision:
    verdict, reasons = _assess(spec, policy, person)
    return Decision(verdict, reasons, _suggestions(spec, policy, person))


def _assess(
    spec: RoleSpec, policy: Policy, person: PersonFacts
) -> tuple[Verdict, tuple[Reason, ...]]:
    """The verdict and its reasons, without suggestions."""
    blocking = [*_conflicts(spec, policy, person), *_missing_e_learning(spec, person)]
    course, _upgrade_from = _classroom_course(spec, person)
    waiting: list[Reason] = []
    if course is not None and not _course_done(spec, course, person):
        if course.code in person.booked:
            waiting.append(_booked_reason(policy, course))
        else:
            blocking.append(reason(Code.CLASSROOM_COURSE_NOT_BOOKED, course))
    if blocking:
        return Verdict.NOT_ELIGIBLE, (*blocking, *waiting)
    if waiting:
        return Verdict.PENDING_TRAINING, tuple(waiting)
    return Verdict.ELIGIBLE, ()


def _conflicts(spec: RoleSpec, policy: Policy, person: PersonFacts) -> list[Reason]:
    """Exclusivity: the applied role, or a role the person has, cannot be combined."""
    replaced = {spec.code, *spec.upgrades_from}
    if spec.interim_role:
        replaced.add(spec.interim_role)
    others = (person.held_roles | person.pending_roles) - replaced
    conflicting = [
        other
        for other in sorted(others)
        if spec.exclusive or (other in policy.roles and policy.roles[other].exclusive)
    ]
    return [
        reason(Code.EXCLUSIVE_CONFLICT, role=spec.name, other=_role_name(policy, other))
        for other in conflicting
    ]


def _missing_e_learning(spec: RoleSpec, person: PersonFacts) -> list[Reason]:
    return [
        reason(Code.COURSE_MISSING, course)
        for course in spec.required_courses
        if course.code not in person.completed
    ]


def _classroom_course(spec: RoleSpec, person: PersonFacts) -> tuple[CourseRef | None, str | None]:
    """The course the person must take: the upgrade course if they hold a from-role."""
    for from_role in sorted(spec.upgrades_from):
        if from_role in person.held_roles:
            return spec.upgrades_from[from_role], from_role
    return spec.classroom_course, None


def _course_done(spec: RoleSpec, course: CourseRef, person: PersonFacts) -> bool:
    full = spec.classroom_course
    return course.code in person.completed or (full is not None and full.code in person.completed)


def _booked_reason(policy: Policy, course: CourseRef) -> Reason:
    if policy.form_timing is FormTiming.AT_BOOKING:
        return reason(Code.CLASSROOM_COURSE_BOOKED, course)
    return reason(Code.CLASSROOM_COURSE_NOT_COMPLETED, course)


def _suggestions(spec: RoleSpec, policy: Policy, person: PersonFacts) -> tuple[Suggestion, ...]:
    found: list[Suggestion] = []
    course, upgrade_from = _classroom_course(spec, person)
    course_done = course is None or _course_done(spec, course, person)
    if not course_done:
        found.extend(_interim_suggestion(spec, policy, person))
    if upgrade_from is not None and course is not None and not course_done:
        found.append(
            suggestion(
                Code.UPGRADE_COURSE,
                course=course,
                from_role=_role_name(policy, upgrade_from),
            )
        )
    found.extend(_mapping_deviation(spec, policy, person))
    found.extend(
        suggestion(Code.RECOMMENDED_COURSE, course=recommended)
        for recommended in spec.recommended_courses
        if recommended.code not in person.completed
    )
    return tuple(found)


def _mapping_deviation(spec: RoleSpec, policy: Policy, person: PersonFacts) -> list[Suggestion]:
    """Another manager role than the one the person's manager kind maps to.

    The interim role of the mapped role is no deviation while its course is not done.
    """
    mapped = policy.roles.get(policy.mapped_role or "")
    if mapped is None or not spec.manager_role or spec.code == mapped.code:
        return []
    course = mapped.classroom_course
    waiting = course is not None and not _course_done(mapped, course, person)
    if waiting and spec.code == mapped.interim_role:
        return []
    return [suggestion(Code.MAPPING_DEVIATION, role=mapped.code, mapped=mapped.name)]


def _interim_suggestion(spec: RoleSpec, policy: Policy, person: PersonFacts) -> list[Suggestion]:
    """The interim role while waiting for the course, if only e-learning may be missing."""
    interim = policy.roles.get(spec.interim_role or "")
    if interim is None or interim.code == spec.code or interim.code in person.held_roles:
        return []
    verdict, reasons = _assess(interim, policy, person)
    missing = [r for r in reasons if r.code == Code.COURSE_MISSING]
    if verdict is Verdict.ELIGIBLE:
        return [suggestion(Code.INTERIM_ROLE, role=interim.code, interim=interim.name)]
    if missing and len(missing) == len(reasons):
        return [
            suggestion(
                Code.INTERIM_ROLE_AFTER_COURSE,
                role=interim.code,
                course=missing[0].course,
                interim=interim.name,
            )
        ]
    return []


def _unit_reasons(
    spec: RoleSpec, policy: Policy, person: PersonFacts, units: Sequence[UnitFacts]
) -> tuple[Reason, ...]:
    """Reasons that depend on the units: the role held there already, a role missing there."""
    found: list[Reason] = []
    if spec.code in person.held_roles and all(spec.code in unit.person_roles for unit in units):
        found.append(_cached_reason(policy, Code.ALREADY_HELD, spec, ""))
    needed = spec.requires_on_unit
    for unit in units:
        if needed and needed.isdisjoint(unit.roles_present):
            found.append(_cached_reason(policy, Code.NEEDS_ROLE_ON_UNIT, spec, unit.code))
    return tuple(found)


def _cached_reason(policy: Policy, code: Code, spec: RoleSpec, unit: str) -> Reason:
    key = (code, spec.code, unit)
    found = policy._memo.get(key)
    if found is None:
        if code is Code.NEEDS_ROLE_ON_UNIT:
            needed = " eller ".join(
                _role_name(policy, other) for other in sorted(spec.requires_on_unit)
            )
            found = reason(code, role=spec.name, unit=unit, needed=needed)
        else:
            found = reason(code, role=spec.name)
        policy._memo[key] = found
    return found


def _role_name(policy: Policy, code: str) -> str:
    spec = policy.roles.get(code)
    return spec.name if spec else code
