"""Serializer fields shared by the APIs that name roles."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from rollkoll.catalog.models import Role


class _RoleField(serializers.SlugRelatedField):
    def to_internal_value(self, data: Any) -> Role:
        if isinstance(data, str) and "\x00" in data:
            # No code holds NUL, and PostgreSQL refuses to be asked.
            self.fail("does_not_exist", slug_name=self.slug_field, value=data)
        return super().to_internal_value(data)


def role_field(**kwargs: Any) -> serializers.SlugRelatedField:
    return _RoleField(slug_field="code", queryset=Role.objects.all(), **kwargs)
