"""Background tasks of the outbox, run by `rollkoll worker`."""

from __future__ import annotations

from django_tasks import task

from rollkoll.notify import delivery


@task()
def deliver(*, message_ids: list[int]) -> int:
    """Send the given messages now, those still due; returns how many were sent."""
    return delivery.send_due(message_ids=message_ids)
