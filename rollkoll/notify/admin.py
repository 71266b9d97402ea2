"""The outbox in the admin: read only, to follow up mail that does not get through."""

from django.contrib import admin

from rollkoll.notify.models import OutboxMessage
from rollkoll.web.admin import ReadOnlyAdmin


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "kind", "recipient", "status", "attempts", "next_attempt_at"]
    list_filter = ["status", "kind"]
    search_fields = ["recipient", "last_error"]
    date_hierarchy = "created_at"
