"""The outbox in the admin: read only, to follow up mail that does not get through."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from rollkoll.notify.models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "kind", "recipient", "status", "attempts", "next_attempt_at"]
    list_filter = ["status", "kind"]
    search_fields = ["recipient", "last_error"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
