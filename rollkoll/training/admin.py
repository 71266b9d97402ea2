from django.contrib import admin

from rollkoll.training import models
from rollkoll.web.admin import ReadOnlyAdmin


@admin.register(models.Completion)
class CompletionAdmin(ReadOnlyAdmin):
    """Training records come from the LMS through the completions import."""

    list_display = ["person", "course", "completed_on"]
    list_filter = ["course"]
    search_fields = ["person__employee_id", "person__last_name"]
    list_select_related = ["person", "course"]


@admin.register(models.Booking)
class BookingAdmin(CompletionAdmin):
    list_display = ["person", "course", "booked_on"]
