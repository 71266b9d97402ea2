"""The register of grants: who holds which role on which units, from–to.

Grants are never deleted: ending one sets its end date, so the register can
answer "who held what on date D". The same holds for a grant's units: a unit
taken off a running grant gets an end date of its own (`GrantUnit.valid_to`),
and a unit added to it starts on the day it was added. `Grant.units` is every
unit ever on the grant; the units on a date come from `GrantQuerySet.with_units`.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rollkoll.catalog.models import Role
from rollkoll.org.models import (
    Dated,
    DatedQuerySet,
    Person,
    Unit,
    User,
    active_on,
    dates_ordered,
)


class GrantQuerySet(DatedQuerySet):
    def visible_to(self, user: User) -> GrantQuerySet:
        scope = user.scope
        if scope.sees_everything:
            return self
        on_units = GrantUnit.objects.filter(scope.unit_filter("unit")).values("grant_id")
        return self.filter(Q(pk__in=on_units) | scope.person_filter("person"))

    def on_unit(self, unit: Unit | str, on: dt.date | None = None) -> GrantQuerySet:
        """Grants with the unit among their units on the date (today by default)."""
        code = unit if isinstance(unit, str) else unit.code
        on_it = GrantUnit.objects.active_on(on).filter(unit__code=code)
        return self.filter(pk__in=on_it.values("grant_id"))

    def with_units(self, on: dt.date | None = None) -> GrantQuerySet:
        """Prefetch each grant's units on the date, by code, as `units_on_date`."""
        units = GrantUnit.objects.active_on(on).select_related("unit").order_by("unit__code")
        return self.prefetch_related(
            models.Prefetch("grant_units", queryset=units, to_attr="units_on_date")
        )

    def active_on(self, on: dt.date | None = None) -> GrantQuerySet:
        return super().active_on(on)  # type: ignore[return-value]


class Grant(Dated):
    """A behörighet: one person holding one role for one or more units."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="grants")
    role = models.ForeignKey(
        Role, verbose_name=_("roll"), on_delete=models.PROTECT, related_name="grants"
    )
    units: models.ManyToManyField[Unit, GrantUnit] = models.ManyToManyField(
        Unit, through="GrantUnit", related_name="grants"
    )

    objects = GrantQuerySet.as_manager()
    units_on_date: list[GrantUnit]  # set by GrantQuerySet.with_units

    class Meta:
        ordering = ["person", "role", "-valid_from"]
        verbose_name = _("behörighet")
        verbose_name_plural = _("behörigheter")
        constraints = [
            dates_ordered("grant_dates_ordered"),
            models.UniqueConstraint(
                fields=["person", "role", "valid_from"], name="grant_unique_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.role}"

    def unit_codes(self) -> list[str]:
        """The codes of the units prefetched by `GrantQuerySet.with_units`."""
        return [grant_unit.unit.code for grant_unit in self.units_on_date]


class GrantUnitQuerySet(DatedQuerySet):
    def active_on(self, on: dt.date | None = None) -> GrantUnitQuerySet:
        """Units on grants in force on the date, themselves on the grant that day."""
        day = on or timezone.localdate()
        return self.filter(active_on(day), active_on(day, "grant__"))

    def held_from(self, on: dt.date) -> GrantUnitQuerySet:
        """Units on grants that have not ended before the date, nor been taken off.

        What a person holds "from the date on": a grant that starts later counts,
        since a new role from the date would run beside it.
        """
        not_ended = Q(valid_to__isnull=True) | Q(valid_to__gte=on)
        grant_not_ended = Q(grant__valid_to__isnull=True) | Q(grant__valid_to__gte=on)
        return self.filter(not_ended, grant_not_ended)


class GrantUnit(Dated):
    """One unit of a grant, from the day it was put on the grant until it was taken off.

    An open end (`valid_to` empty) means "as long as the grant runs".
    """

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="grant_units")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="grant_units")

    objects = GrantUnitQuerySet.as_manager()

    class Meta:
        constraints = [
            dates_ordered("grantunit_dates_ordered"),
            models.UniqueConstraint(
                fields=["grant", "unit"],
                condition=Q(valid_to__isnull=True),
                name="grantunit_unique_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.grant_id}: {self.unit_id}"
