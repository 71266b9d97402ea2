from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from rollkoll.access import models


class GrantUnitInline(admin.TabularInline):
    model = models.GrantUnit
    extra = 0
    raw_id_fields = ["unit"]


@admin.register(models.Grant)
class GrantAdmin(admin.ModelAdmin):
    list_display = ["person", "role", "valid_from", "valid_to"]
    list_filter = ["role"]
    raw_id_fields = ["person"]
    inlines = [GrantUnitInline]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Read only: requests and signatures change through their acts, each one audited."""

    def _never(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    has_add_permission = has_change_permission = has_delete_permission = _never


@admin.register(models.AccessRequest)
class AccessRequestAdmin(ReadOnlyAdmin):
    list_display = ["pk", "kind", "person", "role", "status", "stage", "stage_due", "created_at"]
    list_filter = ["status", "kind", "organisation"]
    search_fields = ["person__employee_id", "person__last_name"]
    list_select_related = ["person", "role"]


@admin.register(models.Signature)
class SignatureAdmin(ReadOnlyAdmin):
    list_display = ["signer_name", "signer_capacity", "method", "signed_at", "sha256"]
    list_filter = ["method"]
    search_fields = ["signer_name"]
