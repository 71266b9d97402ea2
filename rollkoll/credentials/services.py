"""Writes of the credentials app: issuing and revoking API tokens, and the audit
events of signing in and out and of password changes.

Each function is one transaction that writes its state and its audit event.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from rollkoll.audit.services import record
from rollkoll.credentials.models import SEPARATOR, ApiToken, digest

if TYPE_CHECKING:
    from rollkoll.org.models import User


def token_issue(*, user: User, address: str | None) -> tuple[ApiToken, str]:
    """A new token for the user, valid for `API_TOKEN_LIFETIME_HOURS`; returns it and its key.

    The key is shown once, to the caller; only its digest is kept.
    """
    prefix, secret = secrets.token_hex(6), secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user,
            prefix=prefix,
            digest=digest(secret),
            created_at=now,
            expires_at=now + dt.timedelta(hours=settings.API_TOKEN_LIFETIME_HOURS),
            last_used_at=now,  # signing in with the password is its first use
        )
        record(
            actor=user,
            action="api_token.issue",
            target=token,
            after={"expires_at": token.expires_at, "address": address},
        )
    return token, f"{prefix}{SEPARATOR}{secret}"


def token_revoke(*, token: ApiToken, actor: User | None, reason: str) -> None:
    """Revoke one token (a no-op for one already revoked)."""
    with transaction.atomic():
        _revoke(ApiToken.objects.select_for_update().filter(pk=token.pk), actor, reason)


def tokens_revoke_all(*, user: User, actor: User | None, reason: str) -> int:
    """Revoke every token of the user that still works; how many."""
    with transaction.atomic():
        return _revoke(
            ApiToken.objects.select_for_update().filter(user=user, revoked_at__isnull=True),
            actor,
            reason,
        )


def _revoke(tokens: QuerySet[ApiToken], actor: User | None, reason: str) -> int:
    now = timezone.now()
    revoked = [token for token in tokens if token.revoked_at is None]
    for token in revoked:
        token.revoked_at = now
        token.save(update_fields=["revoked_at"])
        record(actor=actor, action="api_token.revoke", target=token, after={"reason": reason})
    return len(revoked)


def sign_in_record(*, user: User, address: str | None) -> None:
    with transaction.atomic():
        record(actor=user, action="user.sign_in", target=user, after={"address": address})


def sign_out_record(*, user: User, address: str | None) -> None:
    with transaction.atomic():
        record(actor=user, action="user.sign_out", target=user, after={"address": address})


def sign_in_failure_record(*, username: str, address: str | None) -> None:
    """A refused sign-in (wrong password, unknown name, or locked out); nobody is signed in."""
    with transaction.atomic():
        record(
            actor=None,
            action="user.sign_in_failed",
            after={"username": username[:150], "address": address},
        )


def password_changed(*, user: User, actor: User | None) -> None:
    """The password was changed by its owner, or reset by someone else (or by the system).

    Tokens issued under the old password stop working.
    """
    own = actor is not None and actor.pk == user.pk
    action = "user.password_change" if own else "user.password_reset"
    with transaction.atomic():
        record(actor=actor, action=action, target=user)
        tokens_revoke_all(user=user, actor=actor, reason=action)
