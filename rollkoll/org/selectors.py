"""Reads of the org app: people, units and delegations as a user may see them."""

from __future__ import annotations

from django.db.models import Q, QuerySet

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


def may_see_personnummer(user: User, person: Person) -> bool:
    """Full personnummer for specialist support, administrators and the person themself
    (see `Scope.sees_personnummer`)."""
    return user.scope.sees_personnummer_of(person.pk)


def _personnummer_shown_in_full(user: User) -> Q:
    """The people whose full personnummer the user may see, as `may_see_personnummer`."""
    if user.scope.sees_personnummer:
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


def deputy_candidates(user: User) -> QuerySet[Person]:
    """Whom the user may name their deputy: people they may see, or anyone in their
    own organisation. Nobody else is found, so naming one reveals nothing."""
    if user.person is None:
        return Person.objects.none()
    if user.scope.sees_everything:  # an empty Q would vanish from the OR below
        return Person.objects.all()
    organisation = user.person.unit.business_area.organisation_id
    same_organisation = Q(unit__business_area__organisation_id=organisation)
    return Person.objects.filter(same_organisation | user.scope.person_filter())


def delegations_of(user: User) -> DelegationQuerySet:
    """The user's own delegations and those naming them deputy, newest first."""
    mine = Q(person_id=user.person_id) | Q(deputy_id=user.person_id)
    return (
        Delegation.objects.visible_to(user)
        .filter(mine if user.person_id else Q(pk__in=[]))
        .select_related("person", "deputy")
        .order_by("-valid_from", "pk")
    )
