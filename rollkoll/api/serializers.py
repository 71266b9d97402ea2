"""Serializers every app's API shares: the error body and the reasons in it."""

from __future__ import annotations

from rest_framework import serializers


class DecisionCourseOut(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    booking_url = serializers.CharField()


class ReasonOut(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()
    action = serializers.CharField(required=False)
    course = DecisionCourseOut(required=False, allow_null=True)
    params = serializers.DictField(child=serializers.CharField(), required=False)


class ErrorOut(serializers.Serializer):
    """Every API error; its full schema (with `fields`) is set by `rollkoll.api.schema`."""

    error = serializers.CharField()
    detail = serializers.CharField()
    reasons = ReasonOut(many=True, required=False)
