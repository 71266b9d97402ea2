"""The register's writes: grants and manager links, each with its audit event.

The write services are called by `request_carry_out` inside its transaction,
one per carried-out request; each writes the register and one audit event.
They are atomic on their own too, so a command can call them directly.

Dates follow the request's effective date (`valid_from`):
- a new grant starts on it; it ends the person's grants it supersedes the day
  before: the interim role (Chef webb while waiting for the Chef course) and
  the role it upgrades (Chef before Chef schema);
- a grant of a role the person already holds on other units adds the new
  units to the running grant from the date;
- a change (other units, an upgrade, interim → full) ends the old grant the
  day before and starts the new one on the date;
- an end request's date is the last day the role is held (valid_to, inclusive);
- a manager link ends each unit's open link the day before and starts the new.

Nothing is deleted: ending sets `valid_to`, so `selectors.grants_on` answers "who held
what on date D". A grant that already ended before the date keeps its end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Protocol

from django.db import transaction
from django.utils.translation import gettext as _

from rollkoll.audit.services import record
from rollkoll.catalog.models import Role
from rollkoll.errors import Conflict, DomainError
from rollkoll.org.models import ManagerLink, Person, Unit, User
from rollkoll.register.models import Grant, GrantUnit
from rollkoll.register.selectors import superseded_roles

ONE_DAY = dt.timedelta(days=1)


class RegisterRequest(Protocol):
    """What the register reads from a request being carried out."""

    kind: str
    person: Person
    role: Role | None
    valid_from: dt.date
    grant: Grant | None

    @property
    def units(self) -> Any: ...  # a related manager or an iterable of units


def grant_snapshot(grant: Grant) -> dict[str, Any]:
    """The grant as the audit log and the API show it."""
    return {
        "employee_id": grant.person.employee_id,
        "role": grant.role.code,
        "units": sorted(
            grant.grant_units.filter(valid_to__isnull=True).values_list("unit__code", flat=True)
        ),
        "valid_from": grant.valid_from.isoformat(),
        "valid_to": grant.valid_to.isoformat() if grant.valid_to else None,
    }


def _units_of(request: RegisterRequest) -> list[Unit]:
    units = request.units
    return list(units.all() if hasattr(units, "all") else units)


def _role_of(request: RegisterRequest) -> Role:
    if request.role is None:
        raise DomainError(_("Ansökan saknar behörighetsroll."), code="role_missing")
    return request.role


def _locked(grant: Grant) -> Grant:
    return Grant.objects.select_for_update().select_related("person", "role").get(pk=grant.pk)


def _end(grant: Grant, last_day: dt.date) -> None:
    """Set the grant's last day, unless it already ended on or before it."""
    if grant.valid_to is not None and grant.valid_to <= last_day:
        return
    if last_day < grant.valid_from:
        raise DomainError(
            _("Behörigheten börjar %(start)s och kan inte avslutas före det.")
            % {"start": grant.valid_from.isoformat()},
            code="ends_before_start",
        )
    grant.valid_to = last_day
    grant.save(update_fields=["valid_to"])


def _open_grants(person: Person, role: Role, on: dt.date) -> list[Grant]:
    """The person's grants of the role still running on the date, locked."""
    return list(
        Grant.objects.select_for_update()
        .filter(person=person, role=role)
        .exclude(valid_to__lt=on)
        .order_by("valid_from")
    )


def _create(person: Person, role: Role, units: Iterable[Unit], valid_from: dt.date) -> Grant:
    units = list(units)
    if not units:
        raise DomainError(_("Ange minst ett ansvar."), code="units_missing")
    grant = Grant.objects.create(person=person, role=role, valid_from=valid_from)
    GrantUnit.objects.bulk_create(
        GrantUnit(grant=grant, unit=unit, valid_from=valid_from) for unit in units
    )
    return grant


def _replace_superseded(person: Person, role: Role, valid_from: dt.date) -> list[Grant]:
    """End the grants that `role` replaces, the day before it starts.

    Those are its interim role (Chef webb while waiting for the Chef course) and
    the from-roles of its upgrade paths (Chef before Chef schema), whatever kind
    of form asked for it: exclusive roles are never held together.
    """
    ended = []
    for other in superseded_roles(role):
        for grant in _open_grants(person, other, valid_from):
            _end(grant, valid_from - ONE_DAY)
            ended.append(grant)
    return ended


def _current_grant(request: RegisterRequest, roles: list[Role]) -> Grant:
    """The grant a change or end request is about: named on it, else an open one.

    Without a named grant, the person's open grant of the first of `roles`
    that they hold is taken.
    """
    if request.grant is not None:
        grant = _locked(request.grant)
        if grant.person_id != request.person.pk:
            raise DomainError(
                _("Behörigheten tillhör någon annan än blanketten gäller."), code="grant_mismatch"
            )
        return grant
    for role in roles:
        running = _open_grants(request.person, role, request.valid_from)
        if running:
            return running[-1]
    raise Conflict(
        _("%(person)s har ingen gällande behörighet som %(role)s.")
        % {"person": request.person.full_name, "role": roles[0].name},
        code="no_grant",
    )


def _changed_from(role: Role) -> list[Role]:
    """Roles a change to `role` may replace: itself, its upgrade sources, its interim role."""
    sources = [path.from_role for path in role.upgraded_from.select_related("from_role")]
    return [role, *sources, *([role.interim_role] if role.interim_role else [])]


@transaction.atomic
def grant_start(*, request: RegisterRequest, actor: User | None) -> Grant:
    """Start the requested grant, or extend the person's running grant of the role.

    A role the person already holds on other units gets the request's units
    added to that grant from the date; its units keep their own dates. A new
    grant ends the grants it supersedes (see `_replace_superseded`).
    """
    role = _role_of(request)
    _lock_person(request.person)
    running = _open_grants(request.person, role, request.valid_from)
    if running:
        return _extend(running[-1], _units_of(request), request.valid_from, actor)
    replaced = _replace_superseded(request.person, role, request.valid_from)
    grant = _create(request.person, role, _units_of(request), request.valid_from)
    record(
        actor=actor,
        action="grant_started",
        target=grant,
        before={"replaced": [grant_snapshot(old) for old in replaced]} if replaced else None,
        after=grant_snapshot(grant),
    )
    return grant


def _lock_person(person: Person) -> None:
    """Serialize the register's writes for one person: two forms carried out at
    once each see the other's grants, so the second extends or conflicts."""
    Person.objects.select_for_update().only("pk").get(pk=person.pk)


def _extend(grant: Grant, units: list[Unit], valid_from: dt.date, actor: User | None) -> Grant:
    """Add the units the grant lacks, from the date (or the grant's start, if later)."""
    grant = _locked(grant)
    held = set(grant.grant_units.filter(valid_to__isnull=True).values_list("unit_id", flat=True))
    added = [unit for unit in units if unit.pk not in held]
    if not added:
        raise Conflict(
            _("%(person)s har redan behörigheten %(role)s på alla valda ansvar.")
            % {"person": grant.person.full_name, "role": grant.role.name},
            code="already_granted",
        )
    before = grant_snapshot(grant)
    start = max(valid_from, grant.valid_from)
    GrantUnit.objects.bulk_create(
        GrantUnit(grant=grant, unit=unit, valid_from=start) for unit in added
    )
    record(
        actor=actor,
        action="grant_extended",
        target=grant,
        before=before,
        after=grant_snapshot(grant),
    )
    return grant


@transaction.atomic
def grant_change(*, request: RegisterRequest, actor: User | None) -> Grant:
    """End the current grant the day before and start the changed one on the date.

    The new role may differ from the old (an upgrade, interim → full role).
    """
    role = _role_of(request)
    _lock_person(request.person)
    old = _current_grant(request, _changed_from(role))
    _end(old, request.valid_from - ONE_DAY)
    replaced = _replace_superseded(request.person, role, request.valid_from)
    grant = _create(request.person, role, _units_of(request), request.valid_from)
    record(
        actor=actor,
        action="grant_changed",
        target=grant,
        before={
            "grant": grant_snapshot(old),
            **({"replaced": [grant_snapshot(g) for g in replaced]} if replaced else {}),
        },
        after=grant_snapshot(grant),
    )
    return grant


@transaction.atomic
def grant_end(*, request: RegisterRequest, actor: User | None) -> Grant:
    """End the grant; the request's date is the last day the role is held."""
    grant = _current_grant(request, [_role_of(request)] if request.grant is None else [])
    return grant_end_direct(grant=grant, actor=actor, on=request.valid_from)


@transaction.atomic
def grant_end_direct(*, grant: Grant, actor: User | None, on: dt.date) -> Grant:
    """End a grant with `on` as its last day (e.g. when a person leaves)."""
    grant = _locked(grant)
    before = grant_snapshot(grant)
    _end(grant, on)
    record(
        actor=actor, action="grant_ended", target=grant, before=before, after=grant_snapshot(grant)
    )
    return grant


def _link_snapshot(link: ManagerLink) -> dict[str, Any]:
    return {
        "unit": link.unit.code,
        "manager": link.manager.employee_id,
        "valid_from": link.valid_from.isoformat(),
        "valid_to": link.valid_to.isoformat() if link.valid_to else None,
    }


@transaction.atomic
def manager_link_replace(*, request: RegisterRequest, actor: User | None) -> list[ManagerLink]:
    """Link the request's person as manager of its units from the date.

    Each unit's open link ends the day before. A unit already linked to the
    same manager keeps its link. One audit event covers all the units.
    """
    manager, starts = request.person, request.valid_from
    units = _units_of(request)
    if not units:
        raise DomainError(_("Ange minst ett ansvar."), code="units_missing")
    current = {
        link.unit_id: link
        for link in ManagerLink.objects.select_for_update()
        .select_related("unit", "manager")
        .filter(unit__in=units, valid_to__isnull=True)
    }
    ended, created = [], []
    for unit in units:
        old = current.get(unit.pk)
        if old is not None and old.manager_id == manager.pk:
            continue
        if old is not None:
            if old.valid_from >= starts:
                raise Conflict(
                    _("Chefskopplingen för %(unit)s börjar %(start)s; välj ett senare datum.")
                    % {"unit": unit.code, "start": old.valid_from.isoformat()},
                    code="link_starts_later",
                )
            old.valid_to = starts - ONE_DAY
            old.save(update_fields=["valid_to"])
            ended.append(old)
        created.append(ManagerLink.objects.create(unit=unit, manager=manager, valid_from=starts))
    record(
        actor=actor,
        action="manager_link_replaced",
        target=manager,
        before={"links": [_link_snapshot(link) for link in ended]},
        after={"links": [_link_snapshot(link) for link in created]},
    )
    return created
