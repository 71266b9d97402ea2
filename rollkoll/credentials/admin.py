"""API tokens in the admin: read only (they hold no secret), revoked by an audited action."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from rollkoll.credentials import services
from rollkoll.credentials.models import ApiToken
from rollkoll.web.admin import ReadOnlyAdmin


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    list_display = ["prefix", "user", "created_at", "expires_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["prefix", "user__username"]
    exclude = ["digest"]
    actions = ["revoke"]

    @admin.action(description=_("Återkalla markerade API-tokens"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        for token in queryset:
            services.token_revoke(token=token, actor=request.user, reason="admin")  # type: ignore[arg-type]
