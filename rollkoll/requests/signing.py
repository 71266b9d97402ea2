"""Signing a form: re-authentication behind a method interface, and the signed text.

A Swedish e-signature is personal, so the frozen snapshot names the signer
and the capacity they signed in. The snapshot is canonical JSON (sorted keys,
no insignificant whitespace, UTF-8), so the same form always gives the same
SHA-256. Password re-entry is the method today; SITHS, Freja or BankID fit
the same `SigningMethod` protocol.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from typing import Any, Protocol

from rollkoll.org.models import User
from rollkoll.requests.models import AccessRequest


class SigningMethod(Protocol):
    """A way to prove, at the moment of signing, that the user is who they say."""

    name: str

    def verify(self, *, user: User, credential: str) -> bool: ...


class PasswordSigning:
    """Re-entry of the user's own password."""

    name = "password"

    def verify(self, *, user: User, credential: str) -> bool:
        return bool(credential) and user.is_active and user.check_password(credential)


def request_content(request: AccessRequest) -> dict[str, Any]:
    """The form as it is signed: what is applied for, for whom, from when."""
    return {
        "id": request.pk,
        "kind": request.kind,
        "employee_id": request.person.employee_id,
        "person": request.person.full_name,
        "role": request.role.code if request.role else None,
        "units": sorted(unit.code for unit in request.units.all()),
        "valid_from": request.valid_from.isoformat(),
        "grant": request.grant_id,
        "organisation": request.organisation.code,
        "comment": request.comment,
        "justification": request.justification,
    }


def canonical_snapshot(
    *,
    requests: Iterable[AccessRequest],
    signer_name: str,
    signer_capacity: str,
    signed_at: dt.datetime,
    method: str,
) -> str:
    """The signed text of one signing act covering one or more forms."""
    document = {
        "requests": sorted((request_content(r) for r in requests), key=lambda c: c["id"]),
        "signer": {"name": signer_name, "capacity": signer_capacity},
        "signed_at": signed_at.isoformat(),
        "method": method,
    }
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
