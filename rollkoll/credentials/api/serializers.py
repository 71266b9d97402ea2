"""Serializers of the credentials API: never the secret, only what tells tokens apart."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from rollkoll.api.inputs import FREE_TEXT_MAX_LENGTH


@extend_schema_serializer(component_name="Credentials")
class CredentialsIn(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(
        style={"input_type": "password"}, trim_whitespace=False, max_length=FREE_TEXT_MAX_LENGTH
    )


@extend_schema_serializer(component_name="Token")
class IssuedTokenOut(serializers.Serializer):
    token = serializers.CharField()


class TokenOut(serializers.Serializer):
    id = serializers.IntegerField()
    prefix = serializers.CharField()
    created = serializers.DateTimeField(source="created_at")
    expires = serializers.DateTimeField(source="expires_at")
    last_used = serializers.DateTimeField(source="last_used_at", allow_null=True)
