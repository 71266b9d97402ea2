"""Who may see what: the single source of every `visible_to(user)` filter.

A user's scope is the union of what their app roles and manager links give:
- specialist support, auditors and administrators see everything;
- a staffing coordinator sees their organisation;
- a business-area contact sees their business area;
- a manager sees the units they are linked to in Heroma, and those of managers
  who have named them out-of-office deputy today;
- everyone sees themselves.

Personnummer are shown in full to specialist support, administrators and the
person themself only (`Scope.sees_personnummer`); the others see them masked.

`Scope` holds what was read and turns it into query filters; `org.models.scope_of`
reads it for a user from their app roles, manager links and delegations.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

_NOTHING = Q(pk__in=[])


@dataclass(frozen=True)
class Scope:
    sees_everything: bool = False
    is_specialist: bool = False
    is_auditor: bool = False
    is_admin: bool = False
    person_id: int | None = None
    organisation_ids: frozenset[int] = field(default_factory=frozenset)
    business_area_ids: frozenset[int] = field(default_factory=frozenset)
    managed_unit_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def is_coordinator(self) -> bool:
        return bool(self.organisation_ids)

    @property
    def is_business_area_contact(self) -> bool:
        return bool(self.business_area_ids)

    @property
    def is_manager(self) -> bool:
        return bool(self.managed_unit_ids)

    @property
    def sees_personnummer(self) -> bool:
        """Full personnummer of everyone: specialist support and administrators.

        They need it to carry changes out in Heroma; everyone else, auditors
        included, sees the birth date only (`ÅÅÅÅMMDD-****`), except their own.
        """
        return self.is_specialist or self.is_admin

    def sees_personnummer_of(self, person_id: int | None) -> bool:
        """Full personnummer of this person: as `sees_personnummer`, or one's own."""
        return self.sees_personnummer or (person_id is not None and person_id == self.person_id)

    def unit_filter(self, path: str = "") -> Q:
        """Units in scope; `path` leads from the queried model to a unit."""
        if self.sees_everything:
            return Q()
        prefix = f"{path}__" if path else ""
        condition = _NOTHING
        if self.organisation_ids:
            condition |= Q(**{f"{prefix}business_area__organisation__in": self.organisation_ids})
        if self.business_area_ids:
            condition |= Q(**{f"{prefix}business_area__in": self.business_area_ids})
        if self.managed_unit_ids:
            condition |= Q(**{f"{prefix}pk__in": self.managed_unit_ids})
        return condition

    def person_filter(self, path: str = "") -> Q:
        """People in scope: those on units in scope, and the user themselves."""
        if self.sees_everything:
            return Q()
        prefix = f"{path}__" if path else ""
        condition = self.unit_filter(f"{prefix}unit")
        if self.person_id:
            condition |= Q(**{f"{prefix}pk": self.person_id})
        return condition

    def business_area_filter(self) -> Q:
        if self.sees_everything:
            return Q()
        condition = _NOTHING
        if self.organisation_ids:
            condition |= Q(organisation__in=self.organisation_ids)
        if self.business_area_ids:
            condition |= Q(pk__in=self.business_area_ids)
        if self.managed_unit_ids:
            condition |= Q(units__in=self.managed_unit_ids)
        return condition
