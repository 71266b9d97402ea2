"""Every page and API route, as every persona, for an object in scope and one out of it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.permissions.expected import (
    ADMIN,
    ADMIN_EXCEPTIONS,
    ADMIN_PAGE,
    GET,
    LISTED,
    TO_ADMIN_LOGIN,
    TO_LOGIN,
    UNLISTED,
)
from tests.permissions.personas import PERSONAS, PLACES
from tests.permissions.routes import ADMIN_ROUTES, OTHER_ROUTES, Route
from tests.permissions.world import ROLE, Place, World

NOT_JSON = {"schema", "api-docs"}  # OpenAPI YAML and the Swagger page
VALUES_BY_ROUTE = {"role-detail": {"code": ROLE}, "course-detail": {"code": "intro"}}

QUERIES: dict[str, Callable[[Place], dict[str, str]]] = {
    "person-list": lambda here: {"unit": here.unit.code},
    "api-grants": lambda here: {"unit": here.unit.code},
    "api-eligibility": lambda here: {
        "employee_id": here.staff.employee_id,
        "role": ROLE,
        "units": here.unit.code,
    },
}

# How the place's object shows in a list's results.
FOUND: dict[str, Callable[[Place, dict[str, Any]], bool]] = {
    "person-list": lambda here, row: row["employee_id"] == here.staff.employee_id,
    "unit-list": lambda here, row: row["code"] == here.unit.code,
    "api-grants": lambda here, row: row["employee_id"] == here.holder.employee_id,
    "api-requests": lambda here, row: row["id"] == here.draft.pk,
    "audit-event-list": lambda here, row: row["sequence"] == here.event.sequence,
}


def values_for(world: World, route: Route, place: str) -> dict[str, str]:
    values = world.values(place) | VALUES_BY_ROUTE.get(route.label, {})
    if route.model_admin is not None:
        row = route.model_admin.model._default_manager.order_by("pk").first()
        values["object_id"] = values["id"] = str(row.pk if row else 0)
    return values


def outcome_problem(outcome: int | str, response, route: Route, here: Place) -> str | None:
    """What is wrong with the response, for the pinned outcome; None when it is right."""
    status = response.status_code
    if status >= 500:
        return "server error"
    if outcome in (TO_LOGIN, TO_ADMIN_LOGIN):
        prefix = "/logga-in/" if outcome == TO_LOGIN else "/admin/login/"
        moved = status == 302 and response.headers["Location"].startswith(prefix)
        return None if moved else f"expected a redirect to {prefix}"
    if outcome == ADMIN_PAGE:
        to_login = status == 302 and response.headers["Location"].startswith("/admin/login/")
        return None if status in {200, 302, 403} and not to_login else "expected an admin page"
    if outcome in (LISTED, UNLISTED):
        if status != 200:
            return f"expected 200, {outcome}"
        found = any(FOUND[route.label](here, row) for row in response.json()["results"])
        return None if found == (outcome == LISTED) else f"expected {outcome}"
    return None if status == outcome else f"expected {outcome}"


def walk(
    client, world: World, persona: str, routes: list[Route], cell_of, *, places: int = 2
) -> list[str]:
    """Request each route at the persona's places; `places=1` only at the one in scope."""
    user = world.users[persona]
    if user is not None:
        client.force_login(user)
    failures = []
    for route in routes:
        cells = zip(PLACES[persona], cell_of(route.label)[persona], strict=True)
        for place, outcome in list(cells)[:places]:
            here = world.places[place]
            path = route.path(values_for(world, route, place))
            query = QUERIES.get(route.label, lambda here: {})(here)
            response = client.get(path, query)
            problem = outcome_problem(outcome, response, route, here) or json_problem(
                route, response
            )
            if problem:
                status = response.status_code
                failures.append(f"{status} {path} ({route.label}, {place}): {problem}")
    return failures


def json_problem(route: Route, response) -> str | None:
    if not route.is_api or route.label in NOT_JSON:
        return None
    content_type = response.headers.get("Content-Type", "").split(";")[0]
    return None if content_type == "application/json" else "not JSON"


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_pages_and_api_as_each_persona(client, world, persona):
    failures = walk(client, world, persona, OTHER_ROUTES, GET.__getitem__)
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_the_admin_as_each_persona(client, world, persona):
    """The admin is for administrators alone, whatever the object: one place is enough."""
    failures = walk(
        client,
        world,
        persona,
        ADMIN_ROUTES,
        lambda label: ADMIN_EXCEPTIONS.get(label, ADMIN),
        places=1,
    )
    assert not failures, "\n".join(failures)
