"""Reads of the org app: people, units and delegations as a user may see them."""

from __future__ import annotations

from django.db.models import Q

from rollkoll.org import personnummer
from rollkoll.org.folding import Folded, fold
from rollkoll.org.models import (
    Delegation,
    DelegationQuerySet,
    Person,
    PersonQuerySet,
    Unit,
    UnitQuerySet,
    User,
)


def _sees_every_personnummer(user: User) -> bool:
    return user.scope.is_specialist or user.scope.is_admin


def may_see_personnummer(user: User, person: Person) -> bool:
    """Full personnummer for specialist support, administrators and the person themself.

    They are the ones who need it to carry changes out in Heroma or to check
    their own record; everyone else, auditors included, sees the birth date only.
    """
    return _sees_every_personnummer(user) or user.scope.person_id == person.pk


def _personnummer_shown_in_full(user: User) -> Q:
    """The people whose full personnummer the user may see, as `may_see_personnummer`."""
    if _sees_every_personnummer(user):
        return Q()
    return Q(pk=user.scope.person_id) if user.scope.person_id else Q(pk__in=[])


def search_people(people: PersonQuerySet, user: User, text: str) -> PersonQuerySet:
    """The people matching `text`: every word in their first or last name, or their
    employee id, or (for those who may see it) their full personnummer.

    Names match case- and accent-insensitively (`org.folding`); `people` is
    already within the user's scope, and the match stays one query.
    """
    text = text.strip()
    if not text:
        return people
    words = [fold(word) for word in text.split()]
    matches = Q(employee_id__iexact=text) | Q(
        *(Q(folded_first__contains=word) | Q(folded_last__contains=word) for word in words)
    )
    if personnummer.is_valid(text):
        matches |= Q(personnummer=personnummer.normalize(text)) & _personnummer_shown_in_full(user)
    return people.alias(folded_first=Folded("first_name"), folded_last=Folded("last_name")).filter(
        matches
    )


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
