"""The POSTs the walker makes: for each route, the path and body aimed at a place.

Acts on a form take the place's form in the state the act needs: `sign` and
`withdraw` a draft, `approve`, `return` and `reject` one at the route's first
stage, `carry-out` one at its last stage. Creating a form and naming a deputy
take the place's staff member.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps

from rollkoll.audit.models import Event
from rollkoll.credentials.models import ApiToken
from rollkoll.org.models import Delegation, User
from rollkoll.register.models import Grant
from rollkoll.requests.models import AccessRequest, Signature
from tests.factories import PASSWORD
from tests.permissions.world import ROLE, Place, today

REASON = {"reason": "Fel roll för uppdraget."}


@dataclass(frozen=True)
class Post:
    path: Callable[[Place], str]
    body: Callable[[Place, User | None], dict[str, Any]]
    form: bool = False  # a page's form rather than the API's JSON
    method: str = "post"

    @property
    def encoding(self) -> dict[str, str]:
        return {} if self.form else {"content_type": "application/json"}


def _on_form(state: str, act: str, body: dict[str, Any] | None = None) -> Post:
    return Post(
        path=lambda here: f"/api/v1/requests/{getattr(here, state).pk}/{act}/",
        body=lambda here, user: body or {},
    )


def _fixed(
    path: str, body: Callable[[Place, User | None], dict[str, Any]], *, form: bool = False
) -> Post:
    return Post(path=lambda here: path, body=body, form=form)


def _credentials(here: Place, user: User | None) -> dict[str, Any]:
    return {"username": user.username if user else "nobody", "password": PASSWORD}


def _new_form(here: Place, user: User | None) -> dict[str, Any]:
    return {
        "kind": "grant",
        "employee_id": here.staff.employee_id,
        "role": ROLE,
        "units": [here.unit.code],
        "valid_from": today().isoformat(),
        "comment": "",
    }


def _deputy(here: Place, user: User | None) -> dict[str, Any]:
    return {"deputy": here.staff.employee_id, "valid_from": "2031-01-01", "valid_to": "2031-01-31"}


POSTS: dict[str, Post] = {
    "api-request-sign": _on_form("draft", "sign", {"password": PASSWORD}),
    "api-request-approve": _on_form("review", "approve"),
    "api-request-return": _on_form("review", "return", REASON),
    "api-request-reject": _on_form("review", "reject", REASON),
    "api-request-carry-out": _on_form("last", "carry-out"),
    "api-request-withdraw": _on_form("draft", "withdraw"),
    "api-requests-sign": _fixed(
        "/api/v1/requests/sign/", lambda here, user: {"ids": [here.draft.pk], "password": PASSWORD}
    ),
    "api-requests": _fixed("/api/v1/requests/", _new_form),
    "delegation-list": _fixed("/api/v1/delegations/", _deputy),
    "api-token": _fixed("/api/v1/auth/token/", _credentials),
    "login": _fixed("/logga-in/", _credentials, form=True),
    "logout": _fixed("/logga-ut/", lambda here, user: {}, form=True),
    "set_language": _fixed("/i18n/setlang/", lambda here, user: {"language": "en"}, form=True),
}


# The writes by other methods than POST: (route, method) → what is sent.
OTHER_WRITES: dict[tuple[str, str], Post] = {
    ("api-request", "patch"): Post(
        path=lambda here: f"/api/v1/requests/{here.draft.pk}/",
        body=lambda here, user: {"comment": "Rättad kommentar."},
        method="patch",
    ),
    ("delegation-detail", "delete"): Post(
        path=lambda here: f"/api/v1/delegations/{here.delegation.pk}/",
        body=lambda here, user: {},
        method="delete",
    ),
    ("token-detail", "delete"): Post(
        path=lambda here: f"/api/v1/tokens/{here.token.pk}/",
        body=lambda here, user: {},
        method="delete",
    ),
}


def everything() -> tuple[Any, ...]:
    """The rows any of the POSTs could write, and the audit log's length, to compare.

    A refused sign-in is itself recorded (`user.sign_in_failed`): that is the
    record of the refusal, not a change, so account events are not counted.
    """
    outbox = sum(model.objects.count() for model in apps.get_app_config("notify").get_models())
    return (
        list(AccessRequest.objects.order_by("pk").values()),
        list(AccessRequest.units.through.objects.order_by("pk").values()),
        list(Grant.objects.order_by("pk").values()),
        list(Delegation.objects.order_by("pk").values()),
        Signature.objects.count(),
        list(ApiToken.objects.order_by("pk").values("pk", "revoked_at")),
        Event.objects.exclude(action__startswith="user.").count(),
        outbox,
    )
