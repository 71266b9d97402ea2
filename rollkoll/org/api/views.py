"""Org API views: people and units to read, the caller's out-of-office delegations."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from rollkoll.access.api.serializers import ErrorOut
from rollkoll.access.api.views import actor
from rollkoll.errors import DomainError, NotPermitted
from rollkoll.org import selectors
from rollkoll.org.api import serializers as s
from rollkoll.org.models import Person
from rollkoll.org.services import delegation_create

ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut}


class PersonFilter(filters.FilterSet):
    unit = filters.CharFilter(field_name="unit__code", help_text=_("Ansvarskod."))

    class Meta:
        model = Person
        fields = ["unit"]


@extend_schema_view(
    list=extend_schema(responses={200: s.PersonOut(many=True), **ERRORS}),
    retrieve=extend_schema(responses={200: s.PersonOut, **ERRORS}),
)
class PersonViewSet(viewsets.ReadOnlyModelViewSet):
    """People the caller may see; personnummer masked unless the caller may see it."""

    serializer_class = s.PersonOut
    lookup_field = "employee_id"
    filterset_class = PersonFilter

    def get_queryset(self) -> QuerySet[Person]:
        return selectors.people_visible_to(actor(self.request))


@extend_schema_view(
    list=extend_schema(responses={200: s.UnitOut(many=True), **ERRORS}),
    retrieve=extend_schema(responses={200: s.UnitDetailOut, **ERRORS}),
)
class UnitViewSet(viewsets.ReadOnlyModelViewSet):
    """Units the caller may see; one unit with today's manager links and grants."""

    lookup_field = "code"

    def get_queryset(self) -> QuerySet:
        user = actor(self.request)
        if self.action == "retrieve":
            return selectors.unit_with_register(user)
        return selectors.units_visible_to(user)

    def get_serializer_class(self) -> type[s.UnitOut]:
        return s.UnitDetailOut if self.action == "retrieve" else s.UnitOut


class DelegationViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The caller's out-of-office deputies, and the delegations naming the caller deputy."""

    serializer_class = s.DelegationOut

    def get_queryset(self) -> QuerySet:
        return selectors.delegations_of(actor(self.request))

    @extend_schema(request=s.DelegationIn, responses={201: s.DelegationOut, **ERRORS})
    def create(self, request: Request) -> Response:
        user = actor(request)
        if user.person is None:
            raise NotPermitted(_("Ditt konto hör inte till någon person."))
        data = s.DelegationIn(data=request.data)
        data.is_valid(raise_exception=True)
        deputy = Person.objects.filter(employee_id=data.validated_data["deputy"]).first()
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
