"""`Authorization: Token <prefix>.<secret>` for the REST API."""

from __future__ import annotations

import datetime as dt
import hmac
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions

from rollkoll.credentials.models import SEPARATOR, ApiToken, digest

# Writing the time of use on every call would make each read a write; a minute is close enough.
_LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


class TokenAuthentication(authentication.TokenAuthentication):
    """DRF's header parsing, with hashed, expiring, revocable tokens behind it."""

    def authenticate_credentials(self, key: str) -> tuple[Any, ApiToken]:
        token = _find(key)
        now = timezone.now()
        if token is None or token.revoked_at is not None or token.expires_at <= now:
            raise exceptions.AuthenticationFailed(_("Ogiltig eller utgången token."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Kontot är inaktiverat."))
        if token.last_used_at is None or now - token.last_used_at >= _LAST_USED_RESOLUTION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token


def _find(key: str) -> ApiToken | None:
    prefix, _sep, secret = key.partition(SEPARATOR)
    if not secret:
        return None
    token = ApiToken.objects.select_related("user").filter(prefix=prefix).first()
    if token is None or not hmac.compare_digest(token.digest, digest(secret)):
        return None
    return token
