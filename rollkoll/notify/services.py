"""The outbox: notifications written in the act's transaction, sent after commit."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from rollkoll.notify.models import Kind, OutboxMessage
from rollkoll.notify.tasks import deliver

logger = logging.getLogger(__name__)


def notify(*, recipients: Iterable[str], kind: str, link: str) -> list[OutboxMessage]:
    """Queue one e-mail per recipient address: the kind of task and a link, no personal data.

    The rows are written in the caller's transaction (or one of their own when
    there is none); sending is enqueued once that transaction commits, and the
    worker's sweep sends anything the queue missed.
    `link` is a path in Rollkoll ("/requests/12/") or an absolute URL under SITE_URL.
    """
    if kind not in Kind.values:
        raise ValueError(f"unknown notification kind: {kind!r}")
    url = absolute_link(link)
    addresses = _addresses(recipients)
    with transaction.atomic():
        messages = OutboxMessage.objects.bulk_create(
            OutboxMessage(kind=kind, link=url, recipient=address) for address in addresses
        )
        if messages:
            ids = [message.pk for message in messages]
            transaction.on_commit(lambda: _enqueue(ids), robust=True)
    return messages


def absolute_link(link: str) -> str:
    """The link as an absolute URL in Rollkoll; links elsewhere are refused."""
    site = settings.SITE_URL
    if link.startswith("/") and not link.startswith("//"):
        return f"{site}{link}"
    if link.startswith(f"{site}/"):
        return link
    raise ValueError(f"notification links must point into Rollkoll: {link!r}")


def _addresses(recipients: Iterable[str]) -> list[str]:
    """Each address once (case aside); blanks and invalid ones skipped.

    A bad address in HR's data must not stop the act itself: the task still
    waits in the recipient's queue in Rollkoll, and the log says what was skipped.
    """
    unique: dict[str, str] = {}
    for recipient in recipients:
        address = recipient.strip()
        if not address:
            continue
        try:
            validate_email(address)
        except ValidationError:
            logger.warning("notification skipped: invalid e-mail address %r", address)
            continue
        unique.setdefault(address.lower(), address)
    return list(unique.values())


def _enqueue(ids: list[int]) -> None:
    deliver.enqueue(message_ids=ids)
