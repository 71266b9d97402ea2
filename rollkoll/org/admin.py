from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from rollkoll.audit.admin import AuditedAdminMixin
from rollkoll.org import models
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
    list_display = ["employee_id", "first_name", "last_name", "unit", "manager_kind"]
    list_filter = ["manager_kind"]
    search_fields = ["employee_id", "first_name", "last_name", "email"]
    raw_id_fields = ["unit"]


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
