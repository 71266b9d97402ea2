"""Admin building blocks shared by the apps."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest


def _never(self: Any, request: HttpRequest, obj: Any = None) -> bool:
    return False


class ReadOnlyAdmin(admin.ModelAdmin):
    """For rows that change only through their own audited acts, or never."""

    has_add_permission = has_change_permission = has_delete_permission = _never


class ReadOnlyInline(admin.TabularInline):
    """The rows of a read-only parent, shown beside it."""

    extra = 0
    has_add_permission = has_change_permission = has_delete_permission = _never
