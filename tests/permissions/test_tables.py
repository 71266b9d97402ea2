"""The tables pin every route: a route the resolver knows and the tables do not fails here."""

from __future__ import annotations

import pytest
from django.urls import resolve

from tests.permissions.acts import OTHER_WRITES, POSTS
from tests.permissions.expected import ADMIN_EXCEPTIONS, GET, POST
from tests.permissions.expected import OTHER_WRITES as OTHER_CELLS
from tests.permissions.personas import PERSONAS, PLACES
from tests.permissions.routes import ADMIN_ROUTES, OTHER_ROUTES, ROUTES, accepts, accepts_post
from tests.permissions.test_get import values_for


def test_every_route_is_pinned_for_get():
    unpinned = sorted(route.label for route in OTHER_ROUTES if route.label not in GET)
    assert not unpinned, f"add these routes to expected.GET: {unpinned}"


def test_every_route_that_takes_a_post_is_pinned_for_it():
    takes_post = {route.label for route in OTHER_ROUTES if accepts_post(route)}
    unpinned = sorted(takes_post - set(POST))
    assert not unpinned, f"add these routes to expected.POST and acts.POSTS: {unpinned}"
    assert set(POST) == set(POSTS)
    assert set(POST) <= takes_post | {"set_language"}


def test_every_route_that_takes_a_patch_put_or_delete_is_pinned_for_it():
    writes = {
        (route.label, method)
        for route in OTHER_ROUTES
        for method in ("patch", "put", "delete")
        if accepts(route, method)
    }
    writes.discard(("login", "put"))  # Django's form view answers PUT as its POST, pinned there
    assert writes == set(OTHER_WRITES) == set(OTHER_CELLS)


def test_tables_name_real_routes_and_every_persona():
    labels = {route.label for route in ROUTES}
    admin_labels = {route.label for route in ADMIN_ROUTES}
    assert set(GET) <= labels
    assert set(ADMIN_EXCEPTIONS) <= admin_labels
    for table in (GET, POST, ADMIN_EXCEPTIONS, OTHER_CELLS):
        for label, cells in table.items():
            assert set(cells) == set(PERSONAS), label
    assert set(PLACES) == set(PERSONAS)


@pytest.mark.django_db
def test_every_route_is_reachable_by_its_own_path(world):
    """The walker builds a path that the resolver maps back to the same pattern."""
    for route in ROUTES:
        path = route.path(values_for(world, route, "SA"))
        match = resolve(path)
        if route.name:
            assert match.view_name == route.name, path
        else:
            assert match.route.replace("^", "") == route.pattern.replace("^", ""), path
