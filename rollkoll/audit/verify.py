"""Checking the audit chain from the first event to the last, in constant memory."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from rollkoll.audit.models import GENESIS_HASH, Event

_CHUNK_SIZE = 2000


@dataclass(frozen=True)
class Break:
    """The first place where the chain does not hold."""

    sequence: int
    code: str  # "edited", "deleted" or "relinked"
    message: str


@dataclass(frozen=True)
class Verdict:
    checked: int
    first_break: Break | None

    @property
    def intact(self) -> bool:
        return self.first_break is None


def verify_chain() -> Verdict:
    """Walk the events in sequence order and stop at the first break.

    Edited: the stored hash is not the hash of the stored fields. Deleted: a
    sequence number is missing. Relinked (reordered or inserted): the event does
    not point to the hash of the event before it.
    """
    expected_sequence = 1
    prev_hash = GENESIS_HASH
    checked = 0
    events = Event.objects.order_by("sequence").iterator(chunk_size=_CHUNK_SIZE)
    for event in events:
        problem = _problem(event, expected_sequence, prev_hash)
        if problem:
            return Verdict(checked=checked, first_break=problem)
        checked += 1
        expected_sequence = event.sequence + 1
        prev_hash = event.hash
    return Verdict(checked=checked, first_break=None)


def _problem(event: Event, expected_sequence: int, prev_hash: str) -> Break | None:
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
    if event.prev_hash != prev_hash:
        return Break(
            sequence=event.sequence,
            code="relinked",
            message=_(
                "händelse %(sequence)s pekar inte på händelsen före: "
                "händelser har flyttats eller lagts in."
            )
            % {"sequence": event.sequence},
        )
    return None
