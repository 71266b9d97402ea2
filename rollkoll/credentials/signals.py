"""The bridge from Django's account events to the credentials services.

Signing in and out happens in Django's views and `authenticate`; passwords are
changed and accounts deactivated by Django's forms and the admin, which save
the account themselves. These framework events are the one place every path
meets, so each receiver only hands the event to a service, which writes the
audit event and revokes tokens.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import signals as auth_signals
from django.db.models import signals as model_signals
from django.http import HttpRequest

from rollkoll.credentials import services
from rollkoll.web.addresses import client_address
from rollkoll.web.middleware import signed_in_user

_ACCOUNT_FIELDS = {"password", "is_active"}


def connect() -> None:
    auth_signals.user_logged_in.connect(_signed_in, dispatch_uid="credentials.sign_in")
    auth_signals.user_logged_out.connect(_signed_out, dispatch_uid="credentials.sign_out")
    auth_signals.user_login_failed.connect(_refused, dispatch_uid="credentials.sign_in_failed")
    model_signals.post_save.connect(
        _account_saved, sender=settings.AUTH_USER_MODEL, dispatch_uid="credentials.account"
    )


def _address(request: HttpRequest | None) -> str | None:
    return client_address(request) if request is not None else None


def _signed_in(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    services.sign_in_record(user=user, address=_address(request))


def _signed_out(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    if user is not None:  # signing out when not signed in changes nothing
        services.sign_out_record(user=user, address=_address(request))


def _refused(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    username = str(credentials.get("username") or "")
    services.sign_in_failure_record(username=username, address=_address(request))


def _account_saved(
    sender: Any, instance: Any, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    update_fields = kwargs.get("update_fields")
    if created or raw or (update_fields is not None and not _ACCOUNT_FIELDS & update_fields):
        return
    actor = signed_in_user()
    # Django keeps the new raw password here from set_password() until the save
    # completes, and clears it first when it merely rehashes the same password.
    if getattr(instance, "_password", None) is not None:
        services.password_changed(user=instance, actor=actor)
    # An account that can no longer sign in keeps no working token either.
    if not instance.is_active:
        services.tokens_revoke_all(user=instance, actor=actor, reason="user.deactivate")
    elif not instance.has_usable_password():
        services.tokens_revoke_all(user=instance, actor=actor, reason="user.password_disable")
