"""Reads of the register: who held which role on which units on a date."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch

from rollkoll.org.models import ManagerLink, Unit, UnitQuerySet, User
from rollkoll.org.selectors import units_visible_to
from rollkoll.register.models import Grant, GrantQuerySet


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
        .prefetch_related(Prefetch("units", queryset=Unit.objects.order_by("code")))
        .order_by("person__employee_id", "role__sort_order", "role__code", "valid_from", "pk")
    )
    if unit:
        grants = grants.on_unit(unit)
    if employee_id:
        grants = grants.filter(person__employee_id=employee_id)
    return grants


def units_with_register(user: User) -> UnitQuerySet:
    """Units with today's manager links and the active grants the user may see on them."""
    links = ManagerLink.objects.active_on().select_related("manager")
    grants = (
        Grant.objects.visible_to(user)
        .active_on()
        .select_related("person", "role")
        .prefetch_related(Prefetch("units", queryset=Unit.objects.order_by("code")))
        .order_by("person__employee_id", "role__code")
    )
    return units_visible_to(user).prefetch_related(
        Prefetch("manager_links", queryset=links, to_attr="active_manager_links"),
        Prefetch("grants", queryset=grants, to_attr="active_grants"),
    )
