"""One exception handler: every API error is JSON `{"error": code, "detail": text}`."""

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response

from rollkoll.errors import DomainError, Throttled

logger = logging.getLogger(__name__)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response:
    if isinstance(exc, RequestDataTooBig):
        return _too_large()
    if isinstance(exc, SuspiciousOperation):
        # E.g. more form fields than DATA_UPLOAD_MAX_NUMBER_FIELDS.
        return Response({"error": "bad_request", "detail": _("Ogiltig förfrågan.")}, status=400)
    if isinstance(exc, DataError):
        # The database refused a value the parsing let through (e.g. a NUL byte in a code).
        return Response({"error": "invalid", "detail": _("Ogiltigt värde.")}, status=400)
    if isinstance(exc, DomainError):
        body: dict[str, Any] = {"error": exc.code, "detail": exc.detail}
        if exc.reasons:
            body["reasons"] = exc.reasons
        response = Response(body, status=exc.http_status)
        if isinstance(exc, Throttled) and exc.retry_after:
            response["Retry-After"] = str(exc.retry_after)
        return response
    if isinstance(exc, Http404):
        return Response({"error": "not_found", "detail": _("Hittades inte.")}, status=404)
    if isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    if isinstance(exc, DjangoValidationError):
        return Response(
            {"error": "invalid", "detail": " ".join(exc.messages), "fields": _fields(exc)},
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, exceptions.ValidationError):
        return Response(
            {"error": "invalid", "detail": _("Ogiltiga uppgifter."), "fields": exc.detail},
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, exceptions.APIException):
        response = Response(
            {
                "error": exc.get_codes() if isinstance(exc.get_codes(), str) else exc.default_code,
                "detail": str(exc.detail),
            },
            status=exc.status_code,
        )
        if getattr(exc, "wait", None):
            response["Retry-After"] = str(int(exc.wait))  # type: ignore[attr-defined]
        return response
    logger.exception("Unhandled API error", exc_info=exc)
    return Response(
        {"error": "server_error", "detail": _("Ett oväntat fel inträffade.")},
        status=status.HTTP_500_INTERNAL_SERVER_ERROR,
    )


def _too_large() -> Response:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return Response(
        {
            "error": "too_large",
            "detail": _("Förfrågan är större än %(limit)d byte.") % {"limit": limit},
            "limit": limit,
        },
        status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
    )


def not_found(request: HttpRequest, path: str = "") -> JsonResponse:
    """Any address under /api/ that no route matches: JSON, not the site's HTML page."""
    return JsonResponse({"error": "not_found", "detail": _("Hittades inte.")}, status=404)


def _fields(exc: DjangoValidationError) -> dict[str, list[str]]:
    if hasattr(exc, "error_dict"):
        return {
            field: [str(m) for e in errors for m in e.messages]
            for field, errors in exc.error_dict.items()
        }
    return {}
