"""Access API views: each parses its input, calls one service or selector, renders."""

from __future__ import annotations

from typing import cast

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.request import Request

from rollkoll.access.api import serializers as s
from rollkoll.access.models import GrantQuerySet
from rollkoll.access.register import grants_on
from rollkoll.org.models import User

ERRORS = {400: s.ErrorOut, 403: s.ErrorOut, 404: s.ErrorOut}


def actor(request: Request) -> User:
    """The signed-in user; every view requires authentication."""
    return cast(User, request.user)


@extend_schema(parameters=[s.GrantQuery], responses={200: s.GrantOut(many=True), **ERRORS})
class GrantListView(generics.ListAPIView):
    """The register: who held which role on which units on a date (today by default)."""

    serializer_class = s.GrantOut

    def get_queryset(self) -> GrantQuerySet:
        query = s.GrantQuery(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        return grants_on(
            user=actor(self.request),
            on=params.get("on") or timezone.localdate(),
            unit=params.get("unit"),
            employee_id=params.get("employee_id"),
        )
