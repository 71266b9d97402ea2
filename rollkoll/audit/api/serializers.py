"""Output serializers of the audit API."""

from __future__ import annotations

from rest_framework import serializers


class EventOut(serializers.Serializer):
    sequence = serializers.IntegerField()
    occurred_at = serializers.DateTimeField()
    actor = serializers.CharField(source="actor_display")
    action = serializers.CharField()
    target_type = serializers.CharField()
    target_id = serializers.CharField()
    target_label = serializers.CharField()
    before = serializers.JSONField(allow_null=True)
    after = serializers.JSONField(allow_null=True)
    prev_hash = serializers.CharField()
    hash = serializers.CharField()
