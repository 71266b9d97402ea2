from django.contrib import admin

from rollkoll.access import models
from rollkoll.web.admin import ReadOnlyAdmin


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


@admin.register(models.AccessRequest)
class AccessRequestAdmin(ReadOnlyAdmin):
    """Requests and signatures change only through their acts, each one audited."""

    list_display = ["pk", "kind", "person", "role", "status", "stage", "stage_due", "created_at"]
    list_filter = ["status", "kind", "organisation"]
    search_fields = ["person__employee_id", "person__last_name"]
    list_select_related = ["person", "role"]


@admin.register(models.Signature)
class SignatureAdmin(ReadOnlyAdmin):
    list_display = ["signer_name", "signer_capacity", "method", "signed_at", "sha256"]
    list_filter = ["method"]
    search_fields = ["signer_name"]
