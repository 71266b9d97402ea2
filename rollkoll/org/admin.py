from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest, HttpResponse

from rollkoll.audit.admin import AuditedAdminMixin
from rollkoll.org import models
from rollkoll.org.services import record_personnummer_views
from rollkoll.web.admin import ReadOnlyAdmin


@admin.register(models.Organisation)
class OrganisationAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(models.BusinessArea)
class BusinessAreaAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name", "organisation", "contact"]
    list_filter = ["organisation"]
    search_fields = ["code", "name"]
    raw_id_fields = ["contact"]


@admin.register(models.Unit)
class UnitAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name", "business_area", "parent"]
    list_filter = ["business_area__organisation"]
    search_fields = ["code", "name"]
    raw_id_fields = ["parent", "business_area"]


@admin.register(models.Person)
class PersonAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """The list leaves personnummer out; a person's page shows it whole, recorded."""

    list_display = ["employee_id", "first_name", "last_name", "unit", "manager_kind"]
    list_filter = ["manager_kind"]
    search_fields = ["employee_id", "first_name", "last_name", "email"]
    raw_id_fields = ["unit"]

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)
        person = self.get_object(request, object_id)
        if request.method == "GET" and response.status_code == 200 and person is not None:
            record_personnummer_views(
                viewer=request.user,  # type: ignore[arg-type]
                people=[person],
                via="admin.person",
            )
        return response


@admin.register(models.ManagerLink, models.ManagerAssignment)
class ManagerLinkAdmin(ReadOnlyAdmin):
    """Links change through manager-link requests and the imports, each audited."""

    list_display = ["unit", "manager", "valid_from", "valid_to"]
    search_fields = ["unit__code", "manager__employee_id", "manager__last_name"]
    raw_id_fields = ["unit", "manager"]


@admin.register(models.Delegation)
class DelegationAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["person", "deputy", "valid_from", "valid_to"]
    raw_id_fields = ["person", "deputy"]


class AppRoleInline(admin.TabularInline):
    model = models.AppRole
    extra = 0


@admin.register(models.User)
class RollkollUserAdmin(AuditedAdminMixin, UserAdmin):
    inlines = [AppRoleInline]
    raw_id_fields = ["person"]
    fieldsets = (*UserAdmin.fieldsets, ("Rollkoll", {"fields": ["person"]}))  # type: ignore[misc]
