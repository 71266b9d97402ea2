"""Domain errors: raised by services, shown by pages, mapped to JSON by the API.

Each carries a stable code, a human text (Swedish through gettext) and, where
useful, structured reasons (e.g. the eligibility engine's).
"""

from typing import Any


class DomainError(Exception):
    code = "invalid"
    http_status = 400

    def __init__(self, detail: str, *, code: str | None = None, reasons: list[Any] | None = None):
        super().__init__(detail)
        self.detail = detail
        if code:
            self.code = code
        self.reasons = reasons or []


class NotPermitted(DomainError):
    code = "forbidden"
    http_status = 403


class Conflict(DomainError):
    """The state moved on under the caller (a lost race, an act no longer possible)."""

    code = "conflict"
    http_status = 409


class Throttled(DomainError):
    """Too many failed attempts: refused, whatever is sent, for `retry_after` seconds."""

    code = "throttled"
    http_status = 429

    def __init__(self, detail: str, *, code: str | None = None, retry_after: int | None = None):
        super().__init__(detail, code=code)
        self.retry_after = retry_after
