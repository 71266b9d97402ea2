"""Reads of the org app: people, units and delegations as a user may see them."""

from __future__ import annotations

from django.db.models import Q

from rollkoll.org.models import (
    Delegation,
    DelegationQuerySet,
    Person,
    PersonQuerySet,
    Unit,
    UnitQuerySet,
    User,
)


def may_see_personnummer(user: User, person: Person) -> bool:
    """Full personnummer for specialist support, administrators and the person themself
    (see `Scope.sees_personnummer`)."""
    return user.scope.sees_personnummer_of(person.pk)


def people_visible_to(user: User) -> PersonQuerySet:
    return Person.objects.visible_to(user).select_related("unit")


def units_visible_to(user: User) -> UnitQuerySet:
    return Unit.objects.visible_to(user).select_related("business_area__organisation", "parent")


def delegations_of(user: User) -> DelegationQuerySet:
    """The user's own delegations and those naming them deputy, newest first."""
    mine = Q(person_id=user.person_id) | Q(deputy_id=user.person_id)
    return (
        Delegation.objects.visible_to(user)
        .filter(mine if user.person_id else Q(pk__in=[]))
        .select_related("person", "deputy")
        .order_by("-valid_from", "pk")
    )
