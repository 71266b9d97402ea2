"""The eligibility engine: facts in, a verdict with reasons and suggestions out.

Pure Python: it imports nothing from Django, so it is fast, easy to test with
generated facts, and the same for pages, the API, imports and benchmarks. The
adapter in `catalog/eligibility.py` loads the facts from the database.

Messages are Swedish; each reason and suggestion also has a stable code and
its parameters, so a caller can render it in another language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


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


def evaluate(
    *, role: str, policy: Policy, person: PersonFacts, units: Sequence[UnitFacts]
) -> Decision:
    """Whether the person may be granted `role` on `units` under `policy`."""
    raise NotImplementedError
