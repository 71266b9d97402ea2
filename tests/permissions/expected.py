"""What each persona gets at each route: one cell for the place in scope, one for the other.

A cell is an HTTP status, or one of the outcomes below. Every route the
resolver knows must be in GET (or, for the Django admin, match ADMIN), and
every route that takes a POST must be in POST; `test_tables` fails otherwise.
"""

from __future__ import annotations

from tests.permissions.personas import PERSONAS, SEE_EVERYTHING

TO_LOGIN = "to-login"  # 302 to the sign-in page
TO_ADMIN_LOGIN = "to-admin-login"  # 302 to the admin's sign-in page
LISTED = "listed"  # 200, and the place's object is among the results
UNLISTED = "unlisted"  # 200, and it is not
ADMIN_PAGE = "admin-page"  # an admin page: 200, a redirect within the admin, or 403 read-only

Cell = tuple[int | str, int | str]

BOTH_200: Cell = (200, 200)
SCOPED: Cell = (200, 404)
SCOPED_LIST: Cell = (LISTED, UNLISTED)
EVERYWHERE_LIST: Cell = (LISTED, LISTED)
API_ANONYMOUS: Cell = (403, 403)
REFUSED: Cell = (403, 403)


def every(cell: Cell, **personas: Cell) -> dict[str, Cell]:
    """The same cell for every persona, except those named."""
    unknown = set(personas) - set(PERSONAS)
    assert not unknown, unknown
    return {persona: personas.get(persona, cell) for persona in PERSONAS}


def scoped(in_scope: Cell = SCOPED, everything: Cell = BOTH_200) -> dict[str, Cell]:
    """Signed-in personas see what their scope holds; the API refuses the anonymous."""
    return every(
        in_scope,
        anonymous=API_ANONYMOUS,
        **dict.fromkeys(SEE_EVERYTHING, everything),
    )


def signed_in(cell: Cell) -> dict[str, Cell]:
    return every(cell, anonymous=API_ANONYMOUS)


def same(status: int) -> dict[str, Cell]:
    return every((status, status))


AUDIT_READERS = dict.fromkeys(SEE_EVERYTHING, EVERYWHERE_LIST)

GET: dict[str, dict[str, Cell]] = {
    "login": same(200),
    "logout": same(405),  # signing out is a POST
    "set_language": same(302),  # a GET only goes back; the switch is a POST
    "home": every(BOTH_200, anonymous=(TO_LOGIN, TO_LOGIN)),
    "request-detail": scoped() | {"anonymous": (TO_LOGIN, TO_LOGIN)},
    "schema": same(200),  # the API's shape is public; its data is not
    "api-docs": same(200),
    "api/^(?P<path>.*)$": same(404),  # unknown API addresses: a JSON 404 for anyone
    "api-token": same(405),
    "token-list": signed_in(BOTH_200),  # each caller's own tokens
    "token-detail": signed_in((405, 405)),  # DELETE only
    "role-list": signed_in(BOTH_200),
    "role-detail": signed_in(BOTH_200),
    "course-list": signed_in(BOTH_200),
    "course-detail": signed_in(BOTH_200),
    "person-list": scoped(SCOPED_LIST, EVERYWHERE_LIST),
    "person-detail": scoped(),
    "unit-list": scoped(SCOPED_LIST, EVERYWHERE_LIST),
    "unit-detail": scoped(),
    "delegation-list": signed_in(BOTH_200),
    "delegation-detail": signed_in((405, 405)),  # DELETE only
    "api-eligibility": scoped(),
    "api-grants": scoped(SCOPED_LIST, EVERYWHERE_LIST),
    "api-requests": scoped(SCOPED_LIST, EVERYWHERE_LIST),
    "api-request": scoped(),
    "api-requests-sign": signed_in((405, 405)),
    "api-request-sign": signed_in((405, 405)),
    "api-request-approve": signed_in((405, 405)),
    "api-request-return": signed_in((405, 405)),
    "api-request-reject": signed_in((405, 405)),
    "api-request-carry-out": signed_in((405, 405)),
    "api-request-withdraw": signed_in((405, 405)),
    "audit-event-list": signed_in((UNLISTED, UNLISTED)) | AUDIT_READERS,
    "audit-event-detail": signed_in((404, 404)) | dict.fromkeys(AUDIT_READERS, BOTH_200),
}

# The Django admin, as a group: administrators only.
ADMIN: dict[str, Cell] = every((TO_ADMIN_LOGIN, TO_ADMIN_LOGIN), admin=(ADMIN_PAGE, ADMIN_PAGE))
# Admin routes that answer otherwise.
ADMIN_EXCEPTIONS: dict[str, dict[str, Cell]] = {
    "admin:login": every(BOTH_200, admin=(302, 302)),  # a signed-in admin goes to the index
    "admin:logout": every((302, 302), admin=(405, 405)),
    "admin/(?P<url>.*)$": every((TO_ADMIN_LOGIN, TO_ADMIN_LOGIN), admin=(404, 404)),
}

ACT_REFUSED = signed_in(REFUSED)
SIGNERS = ACT_REFUSED | {"manager": (200, 403), "deputy": (200, 403)}
STAGE_HOLDERS = ACT_REFUSED | {
    "coordinator": (200, 403),  # SÄS's coordinator stage; NÄL's route has none
    "specialist": (200, 409),  # NÄL's first stage is theirs; SÄS's is not theirs yet
}
# POST: what each route is given is in `acts.POSTS`.
POST: dict[str, dict[str, Cell]] = {
    "api-request-sign": SIGNERS,
    "api-requests-sign": SIGNERS,
    "api-request-withdraw": SIGNERS,
    "api-request-approve": ACT_REFUSED | {"coordinator": (200, 403)},
    "api-request-return": STAGE_HOLDERS,
    "api-request-reject": STAGE_HOLDERS,
    "api-request-carry-out": ACT_REFUSED | {"specialist": (200, 200)},
    # A person out of scope is unknown to the caller: 400 on the field, as any unknown id.
    "api-requests": every((403, 400), anonymous=API_ANONYMOUS)
    | dict.fromkeys(("manager", "deputy", "ba_contact"), (201, 400))
    | dict.fromkeys(SEE_EVERYTHING, REFUSED),
    # A deputy is named among the people one sees or in one's own organisation.
    "delegation-list": every((201, 201), anonymous=API_ANONYMOUS, coordinator=(201, 400)),
    "api-token": every(BOTH_200, anonymous=(400, 400)),
    "set_language": same(302),
    "login": every((302, 302), anonymous=(200, 200)),  # a wrong password shows the form again
    "logout": same(302),
}

# The writes by other methods than POST: what is sent is in `acts.OTHER_WRITES`.
OTHER_WRITES: dict[tuple[str, str], dict[str, Cell]] = {
    # The preparers edit a draft; others who see it are refused, others find nothing.
    ("api-request", "patch"): signed_in((403, 404))
    | dict.fromkeys(("manager", "deputy", "ba_contact"), (200, 404))
    | dict.fromkeys(SEE_EVERYTHING, REFUSED),
    # Only the delegator ends a delegation: the manager's own in SA, not yet begun.
    ("delegation-detail", "delete"): every((404, 404), anonymous=API_ANONYMOUS, manager=(204, 404)),
    # Only the owner revokes a token: the manager's own in SA.
    ("token-detail", "delete"): every((404, 404), anonymous=API_ANONYMOUS, manager=(204, 404)),
}
