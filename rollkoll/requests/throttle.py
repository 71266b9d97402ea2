"""Throttling signing re-authentication like sign-in, counted from the audit log.

Each wrong credential given to sign is one `request_sign_failed` event. A
signer with `AXES_FAILURE_LIMIT` such events within `AXES_COOLOFF_TIME` (the
same settings, read the same way, as django-axes applies to sign-in) may not
sign until the oldest of them has left the cool-off; without a cool-off, the
lock stays until an administrator lifts it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from axes.helpers import get_cool_off, get_failure_limit
from django.utils import timezone
from django.utils.translation import gettext as _

from rollkoll.audit.models import Event
from rollkoll.audit.services import record
from rollkoll.errors import Throttled
from rollkoll.org.models import User
from rollkoll.requests.models import AccessRequest

FAILED = "request_sign_failed"


def _failures(actor: User, now: dt.datetime) -> list[dt.datetime]:
    """The times of the actor's latest failures still within the cool-off, newest first."""
    limit = get_failure_limit(None, {"username": actor.get_username()})
    failures = Event.objects.filter(actor=actor, action=FAILED)
    cool_off = get_cool_off()
    if cool_off is not None:
        failures = failures.filter(occurred_at__gt=now - cool_off)
    times = failures.order_by("-sequence").values_list("occurred_at", flat=True)
    found = list(times[:limit])
    return found if len(found) >= limit else []


def refuse_if_locked(actor: User) -> None:
    """Refuse (429 `signing_locked`) while the actor has too many recent failures."""
    now = timezone.now()
    failures = _failures(actor, now)
    if not failures:
        return
    cool_off = get_cool_off()
    if cool_off is None:
        raise Throttled(
            _("För många felaktiga lösenord vid underskrift. Kontakta en administratör."),
            code="signing_locked",
        )
    until = failures[-1] + cool_off
    raise Throttled(
        _("För många felaktiga lösenord vid underskrift. Försök igen efter %(time)s.")
        % {"time": timezone.localtime(until).strftime("%Y-%m-%d %H:%M")},
        code="signing_locked",
        retry_after=max(1, int((until - now).total_seconds()) + 1),
    )


def record_failure(actor: User, requests: Sequence[AccessRequest], method: str) -> None:
    """One audit event per failed attempt, naming the forms it tried to sign."""
    record(
        actor=actor,
        action=FAILED,
        after={"requests": sorted(r.pk for r in requests), "method": method},
    )
