"""What waits for a person: forms to sign, their queue, and findings to follow up.

Findings are where access no longer matches people's jobs, on the units the
user may see (`Unit.visible_to`):
- a person who has left still holds a role (nothing ends by itself: the
  responsible manager sends an end form);
- a role held on a unit that needs another role there which nobody holds
  (Chef and Chef webb need a Heromarapportör on the unit);
- HR's manager of a unit is not the manager linked in Heroma, so the unit's
  cases go to the wrong person until a manager-link form is carried out.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rollkoll.catalog.models import Role
from rollkoll.governance.models import FindingKind
from rollkoll.org.models import ManagerAssignment, ManagerLink, Person, Unit, UnitQuerySet, User
from rollkoll.register.models import Grant, GrantUnit
from rollkoll.requests.models import AccessRequest
from rollkoll.requests.selectors import awaiting_signature, queue_of


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    unit: Unit
    person: Person
    detail: str


def findings_for(user: User, on: dt.date | None = None) -> list[Finding]:
    """The findings on the units the user may see, by kind, then unit and person."""
    on = on or timezone.localdate()
    units = Unit.objects.visible_to(user)
    found = _leavers(user, on) + _needed_roles_missing(units, on) + _links_differing(units, on)
    order = list(FindingKind)
    return sorted(found, key=lambda f: (order.index(f.kind), f.unit.code, f.person.employee_id))


def _leavers(user: User, on: dt.date) -> list[Finding]:
    grants = (
        Grant.objects.visible_to(user)
        .active_on(on)
        .filter(person__employed_to__lt=on)
        .select_related("person__unit", "role")
    )
    return [
        Finding(
            FindingKind.LEAVER_HOLDS_ROLE,
            grant.person.unit,
            grant.person,
            _("%(person)s slutade %(day)s men har kvar %(role)s.")
            % {
                "person": grant.person.full_name,
                "day": date_format(grant.person.employed_to) if grant.person.employed_to else "",
                "role": grant.role.name,
            },
        )
        for grant in grants
    ]


def _needed_roles_missing(units: UnitQuerySet, on: dt.date) -> list[Finding]:
    needs = {
        role.pk: list(role.requires_on_unit.all())
        for role in Role.objects.prefetch_related("requires_on_unit")
    }
    held = list(
        GrantUnit.objects.active_on(on)
        .filter(unit__in=units)
        .select_related("unit", "grant__person", "grant__role")
    )
    present: dict[int, set[int]] = defaultdict(set)
    for grant_unit in held:
        present[grant_unit.unit_id].add(grant_unit.grant.role_id)
    found = []
    for grant_unit in held:
        needed = needs.get(grant_unit.grant.role_id) or []
        if needed and not {role.pk for role in needed} & present[grant_unit.unit_id]:
            found.append(
                Finding(
                    FindingKind.NEEDED_ROLE_MISSING,
                    grant_unit.unit,
                    grant_unit.grant.person,
                    _("%(person)s har %(role)s på %(unit)s, men ingen där har %(needed)s.")
                    % {
                        "person": grant_unit.grant.person.full_name,
                        "role": grant_unit.grant.role.name,
                        "unit": grant_unit.unit,
                        "needed": _(" eller ").join(role.name for role in needed),
                    },
                )
            )
    return found


def _links_differing(units: UnitQuerySet, on: dt.date) -> list[Finding]:
    linked: dict[int, list[Person]] = defaultdict(list)
    for link in ManagerLink.objects.active_on(on).filter(unit__in=units).select_related("manager"):
        linked[link.unit_id].append(link.manager)
    found = []
    for assignment in (
        ManagerAssignment.objects.active_on(on)
        .filter(unit__in=units)
        .select_related("unit", "manager")
    ):
        managers = linked[assignment.unit_id]
        if assignment.manager in managers:
            continue
        found.append(
            Finding(
                FindingKind.LINK_DIFFERS,
                assignment.unit,
                assignment.manager,
                _("HR anger %(manager)s som chef för %(unit)s; i Heroma är %(linked)s kopplad.")
                % {
                    "manager": assignment.manager.full_name,
                    "unit": assignment.unit,
                    "linked": ", ".join(m.full_name for m in managers) or _("ingen"),
                },
            )
        )
    return found


@dataclass(frozen=True)
class ToDo:
    """Everything waiting for one user: what the start page shows."""

    to_sign: list[AccessRequest] = field(default_factory=list)
    queue: list[AccessRequest] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.to_sign) + len(self.queue) + len(self.findings)


def to_do(user: User, on: dt.date | None = None) -> ToDo:
    """Forms the user may sign, the requests at a stage they hold, and findings in scope."""
    queue = (
        queue_of(user, on)
        .select_related("person", "role")
        .prefetch_related("units")
        .order_by("stage_due", "pk")
    )
    return ToDo(
        to_sign=awaiting_signature(user, on),
        queue=list(queue),
        findings=findings_for(user, on),
    )
