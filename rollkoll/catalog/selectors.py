"""Reads of the catalog: the rules that apply to an organisation on a date.

`CatalogOnDate.load(on)` reads every rule active on the date in a fixed number
of queries, whatever the number of organisations, and builds each
organisation's `rules.Policy` on demand, once per (organisation, manager kind).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from rollkoll.catalog import rules
from rollkoll.catalog.models import (
    Course,
    FormTiming,
    ManagerKindMapping,
    Role,
    RoleCourseRequirement,
    UpgradePath,
)
from rollkoll.org.models import Organisation, active_on

OrgId = int | None


def course_ref(course: Course) -> rules.CourseRef:
    return rules.CourseRef(code=course.code, name=course.name, booking_url=course.booking_url)


@dataclass
class CatalogOnDate:
    """The whole catalog as it stands on one date."""

    on: dt.date
    roles: list[Role]
    requirements: dict[tuple[int, OrgId], list[rules.CourseRef]]
    upgrades: dict[int, dict[str, rules.CourseRef]]
    requires_on_unit: dict[int, frozenset[str]]
    recommended: dict[int, tuple[rules.CourseRef, ...]]
    timings: dict[OrgId, rules.FormTiming]
    mappings: dict[tuple[int, str], str]
    _policies: dict[tuple[OrgId, str], rules.Policy] = field(default_factory=dict)

    @classmethod
    def load(cls, on: dt.date | None = None) -> CatalogOnDate:
        on = on or timezone.localdate()
        roles = list(Role.objects.select_related("classroom_course", "interim_role"))
        requirements: dict[tuple[int, OrgId], list[rules.CourseRef]] = defaultdict(list)
        for row in (
            RoleCourseRequirement.objects.filter(active_on(on))
            .select_related("course")
            .order_by("pk")
        ):
            requirements[row.role_id, row.organisation_id].append(course_ref(row.course))
        upgrades: dict[int, dict[str, rules.CourseRef]] = defaultdict(dict)
        for path in UpgradePath.objects.select_related("from_role", "course"):
            upgrades[path.to_role_id][path.from_role.code] = course_ref(path.course)
        requires: dict[int, set[str]] = defaultdict(set)
        for role_id, code in Role.requires_on_unit.through.objects.values_list(
            "from_role_id", "to_role__code"
        ):
            requires[role_id].add(code)
        recommended: dict[int, list[rules.CourseRef]] = defaultdict(list)
        for link in Role.recommended_courses.through.objects.select_related("course").order_by(
            "course__code"
        ):
            recommended[link.role_id].append(course_ref(link.course))
        timings: dict[OrgId, rules.FormTiming] = {
            organisation_id: rules.FormTiming(timing)
            for organisation_id, timing in FormTiming.objects.filter(active_on(on))
            .order_by("valid_from")
            .values_list("organisation_id", "timing")
        }
        mappings = {
            (organisation_id, kind): code
            for organisation_id, kind, code in ManagerKindMapping.objects.filter(active_on(on))
            .order_by("valid_from")
            .values_list("organisation_id", "manager_kind", "role__code")
        }
        return cls(
            on=on,
            roles=roles,
            requirements=dict(requirements),
            upgrades=dict(upgrades),
            requires_on_unit={key: frozenset(codes) for key, codes in requires.items()},
            recommended={key: tuple(refs) for key, refs in recommended.items()},
            timings=timings,
            mappings=mappings,
        )

    def policy(self, organisation_id: OrgId, manager_kind: str | None = None) -> rules.Policy:
        """The organisation's policy; a manager kind adds the role it maps to."""
        key = (organisation_id, manager_kind or "")
        policy = self._policies.get(key)
        if policy is None:
            if manager_kind:
                mapped = (
                    self.mappings.get((organisation_id, manager_kind)) if organisation_id else None
                )
                policy = dataclasses.replace(self.policy(organisation_id), mapped_role=mapped)
            else:
                policy = self._base_policy(organisation_id)
            self._policies[key] = policy
        return policy

    def _base_policy(self, organisation_id: OrgId) -> rules.Policy:
        timing = self.timings.get(organisation_id) or self.timings.get(None)
        return rules.Policy(
            roles={role.code: self._role_spec(role, organisation_id) for role in self.roles},
            form_timing=timing or rules.FormTiming.AT_BOOKING,
        )

    def _role_spec(self, role: Role, organisation_id: OrgId) -> rules.RoleSpec:
        """The role's rules; an organisation's requirement rows replace the default rows."""
        required = self.requirements.get((role.pk, organisation_id))
        if required is None:
            required = self.requirements.get((role.pk, None), [])
        return rules.RoleSpec(
            code=role.code,
            name=role.name,
            required_courses=tuple(required),
            classroom_course=course_ref(role.classroom_course) if role.classroom_course else None,
            exclusive=role.exclusive,
            manager_role=role.manager_role,
            interim_role=role.interim_role.code if role.interim_role else None,
            requires_on_unit=self.requires_on_unit.get(role.pk, frozenset()),
            upgrades_from=self.upgrades.get(role.pk, {}),
            recommended_courses=self.recommended.get(role.pk, ()),
        )


def policy_for(
    organisation: Organisation | None, on: dt.date | None = None, manager_kind: str | None = None
) -> rules.Policy:
    """The rules that apply in the organisation on the date (the default where it has none)."""
    catalog = CatalogOnDate.load(on)
    return catalog.policy(organisation.pk if organisation else None, manager_kind)


def roles_with_rules() -> QuerySet[Role]:
    """Every role with its rules, in a fixed number of queries for a list."""
    requirements = RoleCourseRequirement.objects.select_related("course", "organisation")
    paths = UpgradePath.objects.select_related("from_role", "to_role", "course")
    return Role.objects.select_related("classroom_course", "interim_role").prefetch_related(
        "requires_on_unit",
        "recommended_courses",
        Prefetch("course_requirements", queryset=requirements.order_by("organisation", "pk")),
        Prefetch("upgrades", queryset=paths),
        Prefetch("upgraded_from", queryset=paths),
    )
