"""Writing the audit log (call `record` inside the transaction of the act), and
showing it: `disclose` masks personnummer for those who may not see them."""

from __future__ import annotations

import copy
import json
import re
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from rollkoll.audit.models import GENESIS_HASH, Event
from rollkoll.audit.seal import seal_of

if TYPE_CHECKING:
    from rollkoll.org.models import User
    from rollkoll.tabular import ImportResult

# One advisory lock key for the whole chain: appends wait for each other (and
# an operator, or a fault drill, can hold it to pause every act).
CHAIN_LOCK_KEY = zlib.crc32(b"rollkoll.audit.chain")


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
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])
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


# A personnummer written ÅÅÅÅMMDD-NNNN, ÅÅMMDD-NNNN, ÅÅMMDD+NNNN or ÅÅÅÅMMDDNNNN,
# standing alone (not part of a longer word, number or UUID).
_PERSONNUMMER = re.compile(
    r"(?<![\w-])(\d{8}|\d{6})([-+])\d{4}(?![\w-])"
    r"|(?<![\w-])((?:18|19|20)\d{2}(?:0[1-9]|1[0-2])\d{2})\d{4}(?![\w-])"
)
# The fields of an event that may hold a personnummer.
_DISCLOSED_FIELDS = ("actor_label", "target_label", "before", "after")
PERSONNUMMER_VIEWED = "personnummer_viewed"


def _masked_text(text: str) -> str:
    return _PERSONNUMMER.sub(
        lambda match: f"{match[1] or match[3]}{match[2] or '-'}****",
        text,
    )


def mask_personnummer(value: Any) -> Any:
    """The value with every personnummer in it masked (`ÅÅÅÅMMDD-****`), keys included."""
    if isinstance(value, str):
        return _masked_text(value)
    if isinstance(value, list):
        return [mask_personnummer(item) for item in value]
    if isinstance(value, dict):
        return {_masked_text(key): mask_personnummer(item) for key, item in value.items()}
    return value


def disclose(payload: Any, viewer: User) -> Any:
    """An event's payload (or label) as the viewer may see it.

    Personnummer stay whole for those whose scope `sees_personnummer`
    (specialist support, administrators); everyone else, auditors included, sees
    the birth date only (`ÅÅÅÅMMDD-****`), wherever in the payload they stand.
    """
    if viewer.scope.sees_personnummer:
        return payload
    return mask_personnummer(payload)


def disclose_events(events: Iterable[Event], *, viewer: User, via: str) -> list[Event]:
    """Copies of the events as the viewer may see them (`disclose` on every field
    that may hold a personnummer), never to be saved.

    When a personnummer is shown whole, one `personnummer_viewed` event records
    who saw those of which events, and where (`via`), without the numbers.
    """
    shown = []
    with_personnummer = []
    for event in events:
        stored = {name: getattr(event, name) for name in _DISCLOSED_FIELDS}
        if mask_personnummer(stored) != stored:
            with_personnummer.append(event.sequence)
        copied = copy.copy(event)
        for name, value in disclose(stored, viewer).items():
            setattr(copied, name, value)
        shown.append(copied)
    if with_personnummer and viewer.scope.sees_personnummer:
        with transaction.atomic():
            record(
                actor=viewer,
                action=PERSONNUMMER_VIEWED,
                after={"via": via, "audit_events": with_personnummer},
            )
    return shown
