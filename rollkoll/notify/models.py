"""The outbox: one row per e-mail to send, written in the transaction of the act."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """What the recipient is asked to look at. The e-mail says only this and a link."""

    REQUEST_TO_SIGN = "request_to_sign", _("Ansökan att signera")
    REQUEST_IN_QUEUE = "request_in_queue", _("Ärende i din kö")
    REQUEST_RETURNED = "request_returned", _("Ansökan returnerad")
    REQUEST_REJECTED = "request_rejected", _("Ansökan avslagen")
    REQUEST_COMPLETED = "request_completed", _("Ansökan genomförd")
    STAGE_OVERDUE = "stage_overdue", _("Handläggningstiden har passerats")
    STAGE_ESCALATED = "stage_escalated", _("Ärende eskalerat")
    TRAINING_OVERDUE = "training_overdue", _("Kursresultat saknas för en ansökan")


class Status(models.TextChoices):
    QUEUED = "queued", _("Väntar på att skickas")
    SENT = "sent", _("Skickat")


class OutboxMessageQuerySet(models.QuerySet["OutboxMessage"]):
    def due(self, now: dt.datetime | None = None) -> OutboxMessageQuerySet:
        return self.filter(status=Status.QUEUED, next_attempt_at__lte=now or timezone.now())


class OutboxMessage(models.Model):
    kind = models.CharField(_("typ"), max_length=40, choices=Kind.choices)
    link = models.URLField(_("länk"), max_length=500)
    recipient = models.EmailField(_("mottagare"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveIntegerField(_("försök"), default=0)
    next_attempt_at = models.DateTimeField(_("nästa försök"), default=timezone.now)
    last_error = models.TextField(_("senaste fel"), blank=True)
    created_at = models.DateTimeField(_("skapat"), auto_now_add=True)
    sent_at = models.DateTimeField(_("skickat"), null=True, blank=True)

    objects = OutboxMessageQuerySet.as_manager()

    class Meta:
        ordering = ["next_attempt_at", "pk"]
        verbose_name = _("utgående meddelande")
        verbose_name_plural = _("utgående meddelanden")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="notify_outbox_due"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.recipient}"
