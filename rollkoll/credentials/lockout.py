"""What a locked-out sign-in gets (django-axes calls `locked_out`): a page, or JSON from the API."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

API_PREFIX = "/api/"
STATUS = 429


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    limit = settings.AXES_FAILURE_LIMIT
    if not request.path.startswith(API_PREFIX):
        return render(request, "web/locked_out.html", {"failure_limit": limit}, status=STATUS)
    detail = ngettext(
        "Inloggningen är spärrad efter %(limit)s misslyckat försök.",
        "Inloggningen är spärrad efter %(limit)s misslyckade försök.",
        limit,
    ) % {"limit": limit}
    advice = _("Försök igen senare, eller be en administratör att häva spärren.")
    response = JsonResponse({"error": "locked_out", "detail": f"{detail} {advice}"}, status=STATUS)
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME * 3600))
    return response
