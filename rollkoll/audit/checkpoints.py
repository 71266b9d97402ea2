"""Signed checkpoints of the chain's head, kept outside the database.

Deleting the newest events leaves a chain that holds; a checkpoint remembers
how far the chain reached (sequence and hash of the head) with a signature made
with AUDIT_HMAC_KEY, in the file AUDIT_CHECKPOINT_FILE. `verify-audit` then
finds a head older than the checkpoint. The worker writes one every minute when
the chain has grown (`checkpoint_head`), `verify-audit --checkpoint` on demand.
The file holds the latest checkpoint only, replaced atomically.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from rollkoll.audit.seal import matches, signature_of
from rollkoll.audit.verify import Head, verify_chain

logger = logging.getLogger(__name__)


class CheckpointError(Exception):
    """The checkpoint file cannot be read, or its signature does not hold."""


@dataclass(frozen=True)
class Checkpoint:
    sequence: int
    hash: str
    written_at: str

    @property
    def message(self) -> str:
        return f"{self.sequence}:{self.hash}:{self.written_at}"

    def as_json(self) -> str:
        body = {"sequence": self.sequence, "hash": self.hash, "written_at": self.written_at}
        return json.dumps({**body, "hmac": signature_of(self.message)}, indent=2) + "\n"


def _path() -> Path:
    return Path(settings.AUDIT_CHECKPOINT_FILE)


def read_checkpoint() -> Checkpoint | None:
    """The latest checkpoint, None when none was written yet."""
    path = _path()
    try:
        data = json.loads(path.read_text())
        checkpoint = Checkpoint(
            sequence=int(data["sequence"]), hash=str(data["hash"]), written_at=data["written_at"]
        )
        signature = str(data["hmac"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise CheckpointError(
            _("kontrollpunkten i %(path)s går inte att läsa.") % {"path": path}
        ) from error
    if not matches(signature_of(checkpoint.message), signature):
        raise CheckpointError(
            _("kontrollpunkten i %(path)s är inte signerad med AUDIT_HMAC_KEY.") % {"path": path}
        )
    return checkpoint


def write_checkpoint(head: Head) -> Checkpoint:
    """Replace the file with a checkpoint of `head` (already verified by the caller)."""
    checkpoint = Checkpoint(
        sequence=head.sequence, hash=head.hash, written_at=timezone.now().isoformat()
    )
    path = _path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", dir=path.parent, prefix=f".{path.name}.", delete=False
    ) as file:
        file.write(checkpoint.as_json())
        file.flush()
        os.fsync(file.fileno())
    os.replace(file.name, path)
    return checkpoint


def checkpoint_head() -> Checkpoint | None:
    """The worker's periodic job: check the events since the last checkpoint, then
    checkpoint the head if it moved. A broken chain is logged and not checkpointed."""
    last = read_checkpoint()
    verdict = verify_chain(checkpoint=last, since_checkpoint=True)
    if verdict.first_break is not None:
        logger.error("audit chain broken, no checkpoint written: %s", verdict.first_break.message)
        return None
    if verdict.head is None or (last is not None and verdict.head.sequence == last.sequence):
        return last
    return write_checkpoint(verdict.head)
