"""The register of grants: who holds which role on which units, from–to.

Grants are never deleted: ending one sets its end date, so the register can
answer "who held what on date D".
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rollkoll.catalog.models import Role
from rollkoll.org.models import Dated, DatedQuerySet, Person, Unit, User, dates_ordered


class GrantQuerySet(DatedQuerySet):
    def visible_to(self, user: User) -> GrantQuerySet:
        scope = user.scope
        if scope.sees_everything:
            return self
        on_units = GrantUnit.objects.filter(scope.unit_filter("unit")).values("grant_id")
        return self.filter(Q(pk__in=on_units) | scope.person_filter("person"))

    def on_unit(self, unit: Unit | str) -> GrantQuerySet:
        code = unit if isinstance(unit, str) else unit.code
        return self.filter(pk__in=GrantUnit.objects.filter(unit__code=code).values("grant_id"))

    def active_on(self, on: dt.date | None = None) -> GrantQuerySet:
        return super().active_on(on)  # type: ignore[return-value]


class Grant(Dated):
    """A behörighet: one person holding one role for one or more units."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="grants")
    role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="grants")
    units: models.ManyToManyField[Unit, GrantUnit] = models.ManyToManyField(
        Unit, through="GrantUnit", related_name="grants"
    )

    objects = GrantQuerySet.as_manager()

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


class GrantUnit(models.Model):
    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="grant_units")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="grant_units")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["grant", "unit"], name="grantunit_unique")]

    def __str__(self) -> str:
        return f"{self.grant_id}: {self.unit_id}"
