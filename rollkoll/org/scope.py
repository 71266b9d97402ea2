"""Who may see what: the single source of every `visible_to(user)` filter.

A user's scope is the union of what their app roles and manager links give:
- specialist support, auditors and administrators see everything;
- a staffing coordinator sees their organisation;
- a business-area contact sees their business area;
- a manager sees the units they are linked to in Heroma, and those of managers
  who have named them out-of-office deputy today;
- everyone sees themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils import timezone

if TYPE_CHECKING:
    from rollkoll.org.models import User

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

    @classmethod
    def for_user(cls, user: User, on: dt.date | None = None) -> Scope:
        from rollkoll.org.models import AppRoleKind, Delegation, ManagerLink

        if not user.is_authenticated or not user.is_active:
            return cls()
        on = on or timezone.localdate()
        kinds: dict[str, set[int]] = {kind: set() for kind in AppRoleKind.values}
        for kind, organisation_id, business_area_id in user.app_roles.values_list(
            "kind", "organisation_id", "business_area_id"
        ):
            kinds[kind].add(organisation_id or business_area_id or 0)
        managed: set[int] = set()
        if user.person_id:
            managers = {user.person_id} | set(
                Delegation.objects.active_on(on)
                .filter(deputy_id=user.person_id)
                .values_list("person_id", flat=True)
            )
            managed = set(
                ManagerLink.objects.active_on(on)
                .filter(manager_id__in=managers)
                .values_list("unit_id", flat=True)
            )
        is_specialist = bool(kinds[AppRoleKind.SPECIALIST])
        is_auditor = bool(kinds[AppRoleKind.AUDITOR])
        is_admin = bool(kinds[AppRoleKind.ADMIN]) or user.is_superuser
        return cls(
            sees_everything=is_specialist or is_auditor or is_admin,
            is_specialist=is_specialist,
            is_auditor=is_auditor,
            is_admin=is_admin,
            person_id=user.person_id,
            organisation_ids=frozenset(kinds[AppRoleKind.COORDINATOR]),
            business_area_ids=frozenset(kinds[AppRoleKind.BA_CONTACT]),
            managed_unit_ids=frozenset(managed),
        )

    @property
    def is_coordinator(self) -> bool:
        return bool(self.organisation_ids)

    @property
    def is_business_area_contact(self) -> bool:
        return bool(self.business_area_ids)

    @property
    def is_manager(self) -> bool:
        return bool(self.managed_unit_ids)

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
