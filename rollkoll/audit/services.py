"""Writing the audit log. Call `record` inside the transaction of the act."""

from __future__ import annotations

from typing import Any

from django.db import models


def record(
    *,
    actor: Any,
    action: str,
    target: models.Model | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Append one event to the hash-chained log (actor: a User or None for the system)."""
