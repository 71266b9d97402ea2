from django.contrib import admin

from rollkoll.register import models


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
