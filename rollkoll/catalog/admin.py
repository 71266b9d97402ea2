from django.contrib import admin

from rollkoll.audit.admin import AuditedAdminMixin
from rollkoll.catalog import models


@admin.register(models.Course)
class CourseAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name", "kind", "duration"]
    list_filter = ["kind"]


class RequirementInline(admin.TabularInline):
    model = models.RoleCourseRequirement
    extra = 0


class UpgradeInline(admin.TabularInline):
    model = models.UpgradePath
    fk_name = "from_role"
    extra = 0


@admin.register(models.Role)
class RoleAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name", "classroom_course", "exclusive", "manager_role", "interim_role"]
    filter_horizontal = ["requires_on_unit", "recommended_courses"]
    inlines = [RequirementInline, UpgradeInline]


@admin.register(models.FormTiming)
class FormTimingAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["organisation", "timing", "valid_from", "valid_to"]


@admin.register(models.ManagerKindMapping)
class ManagerKindMappingAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["organisation", "manager_kind", "role", "valid_from", "valid_to"]


class StageInline(admin.TabularInline):
    model = models.ApprovalStage
    extra = 0


@admin.register(models.ApprovalRoute)
class ApprovalRouteAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "organisation", "valid_from", "valid_to"]
    inlines = [StageInline]


@admin.register(models.HelpLink)
class HelpLinkAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["title", "section", "version", "sort_order"]
