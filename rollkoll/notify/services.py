"""The outbox: notifications written in the act's transaction, sent after commit."""

from __future__ import annotations

from collections.abc import Iterable


def notify(*, recipients: Iterable[str], kind: str, link: str) -> None:
    """Queue one e-mail per recipient address: the kind of task and a link, no personal data."""
