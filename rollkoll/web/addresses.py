"""The client's address, read the same way everywhere (lock-outs, the audit log).

Behind reverse proxies every request comes from the nearest proxy, and each
proxy appends the address it received the request from to X-Forwarded-For.
Only those appended entries can be trusted: anything further left is whatever
the client sent. `TRUSTED_PROXY_COUNT` says how many proxies stand in front of
Rollkoll; the client is then the n-th entry from the right. With 0 (the
default) the header is ignored and the connection's address is the client.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """The client's IP address, or the connection's when the proxies' header cannot be used."""
    remote = request.META.get("REMOTE_ADDR") or None
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if len(forwarded) < count:
        return remote  # the request did not pass through every proxy
    candidate = forwarded[-count]
    return candidate if _is_address(candidate) else remote


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
