"""Sending queued messages by SMTP, with retries and exponential backoff.

A message is sent while its row is locked and marked sent in the same
transaction, so two workers never send it twice. When the mail server is down
the message stays queued: its attempts go up and its next attempt moves out
(1, 2, 4 … minutes, at most an hour). Nothing is dropped. When the server
cannot be reached at all, the pass stops there: the other messages stay due
for the next pass, and a hanging server costs one timeout, not one per message.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone

from rollkoll.notify.models import OutboxMessage, Status
from rollkoll.notify.rendering import render

logger = logging.getLogger(__name__)

FIRST_RETRY = dt.timedelta(minutes=1)
LONGEST_RETRY = dt.timedelta(hours=1)
BATCH_SIZE = 500
# Failures of one message; any other OSError means the server is out of reach.
_MESSAGE_ERRORS = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError)


class _Outcome(enum.Enum):
    SENT = "sent"
    SKIPPED = "skipped"
    FAILED = "failed"
    SERVER_UNREACHABLE = "server_unreachable"


def backoff(attempts: int) -> dt.timedelta:
    """The wait after the given number of failed attempts: 1 min doubling up to 1 h."""
    exponent = min(max(attempts - 1, 0), 6)  # 2**6 minutes already passes the cap
    return min(FIRST_RETRY * 2**exponent, LONGEST_RETRY)


def send_due(*, message_ids: list[int] | None = None) -> int:
    """Send due messages (all, or those among `message_ids`); returns how many were sent."""
    due = OutboxMessage.objects.due()
    if message_ids is not None:
        due = due.filter(pk__in=message_ids)
    pks = list(due.values_list("pk", flat=True)[:BATCH_SIZE])
    connection = get_connection()
    sent = 0
    try:
        for pk in pks:
            outcome = _send_one(pk, connection)
            if outcome is _Outcome.SERVER_UNREACHABLE:
                break
            sent += outcome is _Outcome.SENT
    finally:
        connection.close()
    return sent


def sweep_outbox() -> None:
    """Periodic job: send whatever is due, including retries and missed enqueues."""
    sent = send_due()
    if sent:
        logger.info("outbox sweep sent %d messages", sent)


def _send_one(pk: int, connection: BaseEmailBackend) -> _Outcome:
    with transaction.atomic():
        message = (
            OutboxMessage.objects.due().select_for_update(skip_locked=True).filter(pk=pk).first()
        )
        if message is None:  # sent meanwhile, or another worker holds it
            return _Outcome.SKIPPED
        message.attempts += 1
        error = _deliver(message, connection)
        if error is None:
            message.status = Status.SENT
            message.sent_at = timezone.now()
            message.last_error = ""
            message.save(update_fields=["attempts", "status", "sent_at", "last_error"])
            return _Outcome.SENT
        connection.close()
        message.next_attempt_at = timezone.now() + backoff(message.attempts)
        message.last_error = f"{type(error).__name__}: {error}"[:2000]
        message.save(update_fields=["attempts", "next_attempt_at", "last_error"])
        logger.warning("sending outbox message %s failed: %s", pk, message.last_error)
        if isinstance(error, OSError) and not isinstance(error, _MESSAGE_ERRORS):
            return _Outcome.SERVER_UNREACHABLE
        return _Outcome.FAILED


def _deliver(message: OutboxMessage, connection: BaseEmailBackend) -> Exception | None:
    """Hand the e-mail to the SMTP server; the error if that failed, whatever it was."""
    email = render(message.kind, message.link)
    try:
        EmailMessage(
            subject=email.subject,
            body=email.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[message.recipient],
            connection=connection,
        ).send()
    except Exception as error:
        return error
    return None
