"""Writing the audit log. Call `record` inside the transaction of the act."""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from rollkoll.audit.models import GENESIS_HASH, Event
from rollkoll.audit.seal import seal_of

if TYPE_CHECKING:
    from rollkoll.tabular import ImportResult

# One advisory lock key for the whole chain: appends wait for each other.
_CHAIN_LOCK_KEY = zlib.crc32(b"rollkoll.audit.chain")


class TransactionRequired(RuntimeError):
    """`record` was called outside the transaction of the act it records."""


def record(
    *,
    actor: Any,
    action: str,
    target: models.Model | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> Event:
    """Append one event to the hash-chained log (actor: a User or None for the system).

    The event commits or rolls back with the act. Appends are serialized so that
    two concurrent transactions never link to the same previous event: on
    PostgreSQL by a transaction-scoped advisory lock, on SQLite by its
    IMMEDIATE transactions (one writer at a time).
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise TransactionRequired("audit.record must run inside the act's transaction")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])
    last = Event.objects.order_by("-sequence").values("sequence", "hash").first()
    user = actor if actor is not None and actor.is_authenticated else None
    event = Event(
        sequence=(last["sequence"] if last else 0) + 1,
        occurred_at=timezone.now(),
        actor=user,
        actor_label=user.get_username() if user else "",
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=str(target)[:200] if target is not None else "",
        before=json_safe(before),
        after=json_safe(after),
        prev_hash=last["hash"] if last else GENESIS_HASH,
    )
    event.hash = event.compute_hash()
    event.seal = seal_of(event.hash)
    event.save()
    return event


def json_safe(value: Any) -> Any:
    """The value as plain JSON types (dates, decimals, UUIDs become strings).

    The stored value must read back exactly as it was hashed.
    """
    if value is None:
        return None
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def record_import(*, actor: Any, path: Path, result: ImportResult) -> Event:
    """An import's single audit event, with what it changed by natural key.

    Call it inside the import's transaction.
    """
    return record(
        actor=actor,
        action=f"import.{result.kind}",
        target=None,
        after={
            "file": path.name,
            "created": result.created,
            "updated": result.updated,
            **({"changes": result.changes} if result.changes else {}),
        },
    )
