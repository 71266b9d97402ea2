"""Reads of the credentials app."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone

from rollkoll.credentials.models import ApiToken, ApiTokenQuerySet

if TYPE_CHECKING:
    from rollkoll.org.models import User


def tokens_of(user: User) -> ApiTokenQuerySet:
    """The user's own tokens that still work, newest first."""
    return ApiToken.objects.visible_to(user).active(timezone.now())
