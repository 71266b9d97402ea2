"""Checking the audit chain in sequence order, in constant memory."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Max
from django.utils.translation import gettext as _

from rollkoll.audit.models import GENESIS_HASH, Event
from rollkoll.audit.seal import matches, seal_of

if TYPE_CHECKING:
    from rollkoll.audit.checkpoints import Checkpoint

_CHUNK_SIZE = 2000


@dataclass(frozen=True)
class Break:
    """The first place where the chain does not hold."""

    sequence: int
    code: str  # "edited", "deleted", "relinked", "unsealed", "truncated" or "rewritten"
    message: str


@dataclass(frozen=True)
class Head:
    """The newest event checked."""

    sequence: int
    hash: str


@dataclass(frozen=True)
class Verdict:
    checked: int
    first_break: Break | None
    head: Head | None = None

    @property
    def intact(self) -> bool:
        return self.first_break is None


def verify_chain(
    *, checkpoint: Checkpoint | None = None, since_checkpoint: bool = False
) -> Verdict:
    """Walk the events in sequence order and stop at the first break.

    Edited: the stored hash is not the hash of the stored fields. Deleted: a
    sequence number is missing. Relinked (reordered or inserted): the event does
    not point to the hash of the event before it. Unsealed: the seal is not the
    HMAC of the hash, so the chain was rewritten by someone without the key.
    Against a checkpoint: the event it names has another hash (rewritten), or
    the chain ends before it (truncated). `since_checkpoint` starts the walk at
    the checkpoint's event instead of the first one.
    """
    start = checkpoint if since_checkpoint else None
    expected_sequence = start.sequence if start else 1
    prev_hash: str | None = None if start else GENESIS_HASH
    head: Head | None = None
    checked = 0
    events = Event.objects.filter(sequence__gte=expected_sequence).order_by("sequence")
    for event in events.iterator(chunk_size=_CHUNK_SIZE):
        problem = _problem(event, expected_sequence, prev_hash) or _off_checkpoint(
            event, checkpoint
        )
        if problem:
            return Verdict(checked=checked, first_break=problem, head=head)
        checked += 1
        expected_sequence = event.sequence + 1
        prev_hash = event.hash
        head = Head(sequence=event.sequence, hash=event.hash)
    return Verdict(checked=checked, first_break=_truncated(head, checkpoint), head=head)


def _problem(event: Event, expected_sequence: int, prev_hash: str | None) -> Break | None:
    if event.sequence != expected_sequence:
        return Break(
            sequence=expected_sequence,
            code="deleted",
            message=_("händelse %(missing)s saknas (nästa är %(found)s): händelser har raderats.")
            % {"missing": expected_sequence, "found": event.sequence},
        )
    if event.compute_hash() != event.hash:
        return Break(
            sequence=event.sequence,
            code="edited",
            message=_("händelse %(sequence)s: kontrollsumman stämmer inte: händelsen har ändrats.")
            % {"sequence": event.sequence},
        )
    if prev_hash is not None and event.prev_hash != prev_hash:
        return Break(
            sequence=event.sequence,
            code="relinked",
            message=_(
                "händelse %(sequence)s pekar inte på händelsen före: "
                "händelser har flyttats eller lagts in."
            )
            % {"sequence": event.sequence},
        )
    if not matches(seal_of(event.hash), event.seal):
        return Break(
            sequence=event.sequence,
            code="unsealed",
            message=_(
                "händelse %(sequence)s: sigillet stämmer inte: kedjan har skrivits om utan nyckeln."
            )
            % {"sequence": event.sequence},
        )
    return None


def _off_checkpoint(event: Event, checkpoint: Checkpoint | None) -> Break | None:
    if checkpoint is None or event.sequence != checkpoint.sequence:
        return None
    if event.hash == checkpoint.hash:
        return None
    return Break(
        sequence=event.sequence,
        code="rewritten",
        message=_(
            "händelse %(sequence)s är inte den som kontrollpunkten från %(written_at)s "
            "pekar ut: kedjan har skrivits om."
        )
        % {"sequence": event.sequence, "written_at": checkpoint.written_at},
    )


def _truncated(head: Head | None, checkpoint: Checkpoint | None) -> Break | None:
    if checkpoint is None or (head is not None and head.sequence >= checkpoint.sequence):
        return None
    reached = Event.objects.aggregate(head=Max("sequence"))["head"] or 0
    return Break(
        sequence=reached + 1,
        code="truncated",
        message=_(
            "kedjan slutar vid händelse %(reached)s men kontrollpunkten från %(written_at)s "
            "når händelse %(sequence)s: de senaste händelserna har raderats."
        )
        % {
            "reached": reached,
            "written_at": checkpoint.written_at,
            "sequence": checkpoint.sequence,
        },
    )
