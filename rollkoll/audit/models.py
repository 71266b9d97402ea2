"""The audit log: append-only events, each linked to the one before by a SHA-256 chain.

An event's hash covers its own fields and the previous event's hash, so editing,
deleting, inserting or reordering events breaks the chain where it happened
(`rollkoll verify-audit` finds the first break). Its seal, an HMAC of the hash
with a key the database does not hold (`audit.seal`), catches a chain rewritten
with recomputed hashes; signed checkpoints of the head kept outside the table
(`audit.checkpoints`) catch the newest events deleted. Rows are never updated
or deleted: `save()`/`delete()` refuse it here, and triggers refuse it in the
database too (migration 0002 on PostgreSQL, 0004 on SQLite).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from rollkoll.org.models import User

GENESIS_HASH = "0" * 64


class AppendOnlyError(Exception):
    """An attempt to change or remove a recorded audit event."""


class EventQuerySet(models.QuerySet["Event"]):
    def visible_to(self, user: User) -> EventQuerySet:
        """Auditors, administrators and specialist support read the log; nobody else."""
        scope = user.scope
        if scope.is_auditor or scope.is_admin or scope.is_specialist:
            return self.all()
        return self.none()

    def for_target(self, target: models.Model) -> EventQuerySet:
        return self.filter(target_type=target._meta.label_lower, target_id=str(target.pk))

    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("audit events are append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit events are append-only")


class Event(models.Model):
    sequence = models.PositiveBigIntegerField(_("löpnummer"), unique=True)
    occurred_at = models.DateTimeField(_("tidpunkt"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("utförare"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_label = models.CharField(_("utförare (namn)"), max_length=150, blank=True)
    action = models.CharField(_("händelse"), max_length=100, db_index=True)
    target_type = models.CharField(_("objekttyp"), max_length=100, blank=True)
    target_id = models.CharField(_("objekt-id"), max_length=64, blank=True)
    target_label = models.CharField(_("objekt"), max_length=200, blank=True)
    before = models.JSONField(_("före"), null=True, blank=True)
    after = models.JSONField(_("efter"), null=True, blank=True)
    prev_hash = models.CharField(_("föregående kontrollsumma"), max_length=64)
    hash = models.CharField(_("kontrollsumma"), max_length=64)
    seal = models.CharField(_("sigill"), max_length=64)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["sequence"]
        verbose_name = _("händelse")
        verbose_name_plural = _("händelser")
        indexes = [models.Index(fields=["target_type", "target_id"], name="audit_event_target")]

    def __str__(self) -> str:
        return f"{self.sequence} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit events are append-only")

    @property
    def actor_display(self) -> str:
        return self.actor_label or str(_("Systemet"))

    def compute_hash(self) -> str:
        """SHA-256 over a canonical JSON of the fields and the previous hash."""
        fields = {
            "sequence": self.sequence,
            "occurred_at": self.occurred_at.astimezone(dt.UTC).isoformat(),
            "actor_id": self.actor_id,
            "actor_label": self.actor_label,
            "action": self.action,
            "target_type": self.target_type,
            "target_id": self.target_id,
            "target_label": self.target_label,
            "before": _canonical_numbers(self.before),
            "after": _canonical_numbers(self.after),
            "prev_hash": self.prev_hash,
        }
        canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(canonical.encode()).hexdigest()


def _canonical_numbers(value: Any) -> Any:
    """Whole floats as the integers they are written as, so the hash survives jsonb.

    PostgreSQL's jsonb keeps numbers as the decimals JSON wrote: 3.9e16 reads
    back as the integer 39000000000000000 and -0.0 as 0.0. Other floats read
    back as the same float.
    """
    if isinstance(value, float) and value.is_integer():
        return int(Decimal(repr(value)))
    if isinstance(value, list):
        return [_canonical_numbers(item) for item in value]
    if isinstance(value, dict):
        return {key: _canonical_numbers(item) for key, item in value.items()}
    return value
