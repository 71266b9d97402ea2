"""API tokens: issued for a username and password, stored only as a one-way hash.

A token as the client sees it is `<prefix>.<secret>`. The prefix is public (it
finds the row, and lets a person tell their tokens apart); the secret is high
entropy and only its SHA-256 digest is stored, so a copy of the database signs
nobody in. A token works until it expires, or until it is revoked: by its
owner, by an administrator, or with every other token of the account when the
password changes or the account is deactivated.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from rollkoll.org.models import User

SEPARATOR = "."


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def active(self, now: dt.datetime) -> ApiTokenQuerySet:
        """Tokens that still sign their owner in."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)

    def visible_to(self, user: User) -> ApiTokenQuerySet:
        """A person sees and revokes their own tokens; administrators use the admin."""
        return self.filter(user=user)


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("användare"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    prefix = models.CharField(_("prefix"), max_length=16, unique=True)
    digest = models.CharField(_("kontrollsumma"), max_length=64)
    created_at = models.DateTimeField(_("skapad"))
    expires_at = models.DateTimeField(_("går ut"))
    last_used_at = models.DateTimeField(_("senast använd"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("återkallad"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")

    def __str__(self) -> str:
        return f"{self.prefix} ({self.user})"
