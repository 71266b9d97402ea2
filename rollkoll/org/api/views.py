"""Org API views: people and units to read, the caller's out-of-office delegations."""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from rollkoll.api.inputs import actor
from rollkoll.api.serializers import ErrorOut
from rollkoll.errors import DomainError, NotPermitted
from rollkoll.org import selectors
from rollkoll.org.api import serializers as s
from rollkoll.org.models import Delegation, Person, PersonQuerySet, Unit, User
from rollkoll.org.services import delegation_create, delegation_end, record_personnummer_views

ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut}
# Employee ids and unit codes; anything else falls through to the API's JSON 404.
KEY = r"[\w-]+"


class ScopedViewSet(viewsets.GenericViewSet):
    """Reads through the caller's `visible_to`; nothing while the schema is drawn without a user."""

    model: type[Model]

    def get_queryset(self) -> QuerySet:
        if getattr(self, "swagger_fake_view", False):
            return self.model._default_manager.none()
        return self.scoped(actor(self.request))

    def scoped(self, user: User) -> QuerySet:
        raise NotImplementedError


class PersonFilter(filters.FilterSet):
    unit = filters.CharFilter(field_name="unit__code", help_text=_("Ansvarskod."))
    search = filters.CharFilter(
        method="search_people",
        max_length=100,
        help_text=_(
            "Namn (skiftläge och accenter spelar ingen roll), anställningsnummer eller, "
            "för den som får se dem, fullständigt personnummer."
        ),
    )

    class Meta:
        model = Person
        fields = ["unit", "search"]

    def search_people(self, people: PersonQuerySet, name: str, value: str) -> PersonQuerySet:
        return selectors.search_people(people, actor(self.request), value)


@extend_schema_view(list=extend_schema(responses={200: s.PersonOut(many=True), **ERRORS}))
class PersonViewSet(mixins.ListModelMixin, ScopedViewSet):
    """People the caller may see; personnummer masked unless the caller may see it,
    and each whole one shown recorded (`record_personnummer_views`).

    One person, with their training, is the training app's (`training.api`).
    """

    model = Person
    serializer_class = s.PersonOut
    filterset_class = PersonFilter

    def scoped(self, user: User) -> QuerySet:
        return selectors.people_visible_to(user)

    def paginate_queryset(self, queryset: QuerySet[Any]) -> list[Any] | None:
        page = super().paginate_queryset(queryset)
        if page is not None:
            record_personnummer_views(viewer=actor(self.request), people=page, via="api.people")
        return page


@extend_schema_view(list=extend_schema(responses={200: s.UnitOut(many=True), **ERRORS}))
class UnitViewSet(mixins.ListModelMixin, ScopedViewSet):
    """Units the caller may see (one unit, with its holders, is the register's)."""

    model = Unit
    serializer_class = s.UnitOut

    def scoped(self, user: User) -> QuerySet:
        return selectors.units_visible_to(user)


class DelegationViewSet(mixins.ListModelMixin, ScopedViewSet):
    """The caller's out-of-office deputies, and the delegations naming the caller deputy.

    A deputy is found only among the people the caller may see or their own
    organisation; anyone else is as unknown as an id that does not exist.
    """

    model = Delegation
    serializer_class = s.DelegationOut

    def scoped(self, user: User) -> QuerySet:
        return selectors.delegations_of(user)

    @extend_schema(request=s.DelegationIn, responses={201: s.DelegationOut, **ERRORS})
    def create(self, request: Request) -> Response:
        user = actor(request)
        if user.person is None:
            raise NotPermitted(_("Ditt konto hör inte till någon person."))
        data = s.DelegationIn(data=request.data)
        data.is_valid(raise_exception=True)
        deputy = (
            selectors.deputy_candidates(user)
            .filter(employee_id=data.validated_data["deputy"])
            .first()
        )
        if deputy is None:
            message = _("Okänd ersättare: %(employee_id)s.") % {
                "employee_id": data.validated_data["deputy"]
            }
            raise DomainError(
                message,
                code="invalid_delegation",
                reasons=[{"code": "unknown_deputy", "message": message}],
            )
        delegation = delegation_create(
            person=user.person,
            deputy=deputy,
            valid_from=data.validated_data["valid_from"],
            valid_to=data.validated_data["valid_to"],
            actor=user,
        )
        return Response(s.DelegationOut(delegation).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={200: s.DelegationOut, 204: None, **ERRORS})
    def destroy(self, request: Request, pk: str) -> Response:
        """End the caller's delegation from today; one not yet begun is removed (204)."""
        ended = delegation_end(delegation=self.get_object(), actor=actor(request))
        if ended is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        return Response(s.DelegationOut(ended).data)
