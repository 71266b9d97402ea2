"""Register API views: the grants on a date, and one unit with its managers and holders."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics

from rollkoll.api.inputs import actor, parse
from rollkoll.org.models import Unit
from rollkoll.register import selectors
from rollkoll.register.api import serializers as s
from rollkoll.register.models import Grant, GrantQuerySet


@extend_schema(parameters=[s.GrantQuery], responses={200: s.GrantOut(many=True)})
class GrantListView(generics.ListAPIView):
    """The register: who held which role on which units on a date (today by default)."""

    serializer_class = s.GrantOut

    def get_queryset(self) -> GrantQuerySet:
        if getattr(self, "swagger_fake_view", False):
            return Grant.objects.none()
        params = parse(s.GrantQuery, self.request, self.request.query_params)
        return selectors.grants_on(
            user=actor(self.request),
            on=params.get("on") or timezone.localdate(),
            unit=params.get("unit"),
            employee_id=params.get("employee_id"),
        )


class UnitDetailView(generics.RetrieveAPIView):
    """One unit the caller may see, with today's manager links and the grants on it."""

    serializer_class = s.UnitDetailOut
    lookup_field = "code"

    def get_queryset(self) -> QuerySet[Unit]:
        if getattr(self, "swagger_fake_view", False):
            return Unit.objects.none()
        return selectors.units_with_register(actor(self.request))
