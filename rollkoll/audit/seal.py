"""HMAC seals with AUDIT_HMAC_KEY, a key the database does not hold.

The hash chain shows that events were changed, but whoever can write the table
can also recompute every hash after a change. A seal is an HMAC of an event's
hash with a key kept outside the database, so a rewritten chain is caught by
its seals; checkpoints of the head are signed with the same key.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings


def _mac(purpose: str, message: str) -> str:
    key = settings.AUDIT_HMAC_KEY.encode()
    return hmac.new(key, f"{purpose}:{message}".encode(), hashlib.sha256).hexdigest()


def seal_of(event_hash: str) -> str:
    """The seal of an event with the given hash."""
    return _mac("event", event_hash)


def signature_of(message: str) -> str:
    """The signature of a checkpoint written as `message`."""
    return _mac("checkpoint", message)


def matches(expected: str, given: str) -> bool:
    """Compare in constant time, so that timing reveals nothing of a seal."""
    return hmac.compare_digest(expected, given)
