from django.contrib import admin

from rollkoll.register import models
from rollkoll.web.admin import ReadOnlyAdmin, ReadOnlyInline


class GrantUnitInline(ReadOnlyInline):
    model = models.GrantUnit


@admin.register(models.Grant)
class GrantAdmin(ReadOnlyAdmin):
    """Grants change only when a request is carried out or through the grants import."""

    list_display = ["person", "role", "valid_from", "valid_to"]
    list_filter = ["role"]
    search_fields = ["person__employee_id", "person__last_name"]
    list_select_related = ["person", "role"]
    inlines = [GrantUnitInline]
