"""Serializer fields shared by the APIs that name roles."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from rollkoll.catalog.models import Role


def role_field(**kwargs: Any) -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(slug_field="code", queryset=Role.objects.all(), **kwargs)
