"""Reading the audit log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from rollkoll.audit.models import Event, EventQuerySet

if TYPE_CHECKING:
    from rollkoll.org.models import User


def events_for(target: models.Model) -> EventQuerySet:
    """The history of one object, oldest first."""
    return Event.objects.for_target(target).order_by("sequence")


def visible_to(user: User) -> EventQuerySet:
    """The events the user may read (see `EventQuerySet.visible_to`)."""
    return Event.objects.visible_to(user)
