"""Reads of the register: who held which role on which units on a date."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch, Q

from rollkoll.catalog.models import Role
from rollkoll.org.models import ManagerLink, Person, UnitQuerySet, User
from rollkoll.org.selectors import units_visible_to
from rollkoll.register.models import Grant, GrantQuerySet, GrantUnit


def grants_on(
    *,
    user: User,
    on: dt.date,
    unit: str | None = None,
    employee_id: str | None = None,
) -> GrantQuerySet:
    """The grants the user may see that were in force on `on`, units prefetched."""
    grants = (
        Grant.objects.visible_to(user)
        .active_on(on)
        .select_related("person", "role")
        .with_units(on)
        .order_by("person__employee_id", "role__sort_order", "role__code", "valid_from", "pk")
    )
    if unit:
        grants = grants.on_unit(unit, on)
    if employee_id:
        grants = grants.filter(person__employee_id=employee_id)
    return grants


def units_with_register(user: User) -> UnitQuerySet:
    """Units with today's manager links and the grants the user may see on them today.

    Each unit gets `active_manager_links` and `grants_held_here` (its grant units
    today, each with its grant, whose `units_on_date` are all of that grant's units).
    """
    links = ManagerLink.objects.active_on().select_related("manager")
    held_here = (
        GrantUnit.objects.active_on()
        .filter(grant__in=Grant.objects.visible_to(user))
        .select_related("grant__person", "grant__role")
        .prefetch_related(
            Prefetch(
                "grant__grant_units",
                queryset=GrantUnit.objects.active_on()
                .select_related("unit")
                .order_by("unit__code"),
                to_attr="units_on_date",
            )
        )
        .order_by("grant__person__employee_id", "grant__role__code")
    )
    return units_visible_to(user).prefetch_related(
        Prefetch("manager_links", queryset=links, to_attr="active_manager_links"),
        Prefetch("grant_units", queryset=held_here, to_attr="grants_held_here"),
    )


def superseded_roles(role: Role) -> list[Role]:
    """The roles a new grant of `role` ends: its upgrade sources and its interim role."""
    roles = [path.from_role for path in role.upgraded_from.select_related("from_role")]
    if role.interim_role is not None:
        roles.append(role.interim_role)
    return roles


def ended_before_it_starts(
    *, person: Person, role: Role, valid_from: dt.date, grant: Grant | None = None
) -> Grant | None:
    """A grant that a new `role` from the date would end, but that starts on or after it.

    Carrying out would have to end it before it began; the form must take a later
    date. `grant` is the one a change form replaces, if any.
    """
    ended = Q(role__in=superseded_roles(role)) | Q(pk=grant.pk if grant else None)
    return (
        Grant.objects.filter(ended, person=person, valid_from__gte=valid_from)
        .exclude(valid_to__lt=valid_from)
        .select_related("role")
        .order_by("valid_from")
        .first()
    )
