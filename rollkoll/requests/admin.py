from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from rollkoll.requests import models
from rollkoll.web.admin import ReadOnlyAdmin


@admin.register(models.AccessRequest)
class AccessRequestAdmin(ReadOnlyAdmin):
    """Requests and signatures change only through their acts, each one audited."""

    list_display = [
        "number",
        "kind",
        "person",
        "role",
        "status",
        "stage",
        "stage_due",
        "created_at",
    ]
    list_filter = ["status", "kind", "organisation"]
    search_fields = ["person__employee_id", "person__last_name"]
    list_select_related = ["person", "role"]

    @admin.display(description=_("nr"), ordering="pk")
    def number(self, request: models.AccessRequest) -> int:
        return request.pk


@admin.register(models.Signature)
class SignatureAdmin(ReadOnlyAdmin):
    list_display = ["signer_name", "signer_capacity", "method", "signed_at", "sha256"]
    list_filter = ["method"]
    search_fields = ["signer_name"]
