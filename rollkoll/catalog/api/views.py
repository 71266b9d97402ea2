"""Catalog API views: the role catalog and the courses, for any signed-in user."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets

from rollkoll.catalog import selectors
from rollkoll.catalog.api import serializers as s
from rollkoll.catalog.models import Course, Role


@extend_schema(tags=["catalog"])
class RoleViewSet(viewsets.ReadOnlyModelViewSet):
    """The roles with their rules: required e-learning, classroom course and constraints."""

    serializer_class = s.RoleOut
    lookup_field = "code"

    def get_queryset(self) -> QuerySet[Role]:
        return selectors.roles_with_rules()


@extend_schema(tags=["catalog"])
class CourseViewSet(viewsets.ReadOnlyModelViewSet):
    """The courses in Lärportalen, with their booking links."""

    serializer_class = s.CourseOut
    lookup_field = "code"
    queryset = Course.objects.all()
    filterset_fields = ["kind"]
