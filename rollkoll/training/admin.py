from django.contrib import admin

from rollkoll.training import models


@admin.register(models.Completion)
class CompletionAdmin(admin.ModelAdmin):
    list_display = ["person", "course", "completed_on"]
    list_filter = ["course"]
    raw_id_fields = ["person"]


@admin.register(models.Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ["person", "course", "booked_on"]
    list_filter = ["course"]
    raw_id_fields = ["person"]
