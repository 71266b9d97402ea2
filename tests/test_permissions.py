"""Every URL, as every persona: never a 500, and each persona gets what it should.

URLs are discovered from the root resolver, so a new URL is covered the day it
is added. A URL parameter gets a real object from `values` by its name (the
admin's `object_id` a row of that admin's model). To pin what a persona gets
somewhere, add the URL name to EXPECTED; everything else follows the rules in
`problems`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from rollkoll.audit.models import Event
from rollkoll.audit.services import record
from rollkoll.org.models import Person
from rollkoll.requests.models import AccessRequest
from tests.factories import (
    BusinessAreaFactory,
    DelegationFactory,
    GrantFactory,
    ManagerLinkFactory,
    OrganisationFactory,
    PersonFactory,
    UnitFactory,
    UserFactory,
    role,
)

PERSONAS = ["anonymous", "manager", "coordinator", "specialist", "ba-contact", "auditor", "admin"]
ANY = "*"

# URL name (or pattern, if unnamed) → persona (or ANY) → the statuses allowed.
EXPECTED: dict[str, dict[str, set[int]]] = {
    "login": {ANY: {200}},
    "logout": {ANY: {405}},  # signing out is a POST
    "set_language": {ANY: {302}},  # a GET only goes back; the switch is a POST
    "api-token": {ANY: {405}},  # POST only, open to anyone with a password
    "token-list": {"anonymous": {403}, ANY: {200}},  # each caller's own tokens
    "token-detail": {"anonymous": {403}, ANY: {405}},  # DELETE only
    "home": {"anonymous": {302}, ANY: {200}},
    "person-list": {"anonymous": {403}, ANY: {200}},
    "unit-list": {"anonymous": {403}, ANY: {200}},
    "delegation-list": {"anonymous": {403}, ANY: {200}},
    "person-detail": {"anonymous": {403}, ANY: {200}},
    "unit-detail": {"anonymous": {403}, ANY: {200}},
    "schema": {ANY: {200}},  # the API's shape is public; its data is not
    "api-docs": {ANY: {200}},
    "admin:login": {"admin": {302}, ANY: {200}},  # a signed-in admin goes to the index
    "admin:logout": {"admin": {405}, ANY: {302}},
    "api/^(?P<path>.*)$": {ANY: {404}},  # unknown API addresses: a JSON 404 for anyone
}

# Values by route name where the parameter's name alone is ambiguous.
VALUES_BY_ROUTE: dict[str, dict[str, str]] = {
    "role-detail": {"code": "chef"},
    "course-detail": {"code": "intro"},
}

NOT_JSON = {"schema", "api-docs"}  # OpenAPI YAML and the Swagger page


@dataclass(frozen=True)
class Route:
    pattern: str
    name: str | None
    params: tuple[str, ...]
    model_admin: Any

    @property
    def label(self) -> str:
        return self.name or self.pattern

    @property
    def is_admin(self) -> bool:
        return self.pattern.startswith("admin/")

    @property
    def is_api(self) -> bool:
        return self.pattern.startswith("api/")

    def path(self, values: dict[str, str]) -> str:
        """The pattern with each parameter replaced, regex anchors removed."""
        missing = [name for name in self.params if name not in values]
        assert not missing, (
            f"{self.label}: no value for the URL parameter {missing}; give one in the "
            "`world` fixture (by name) or in VALUES_BY_ROUTE"
        )
        text = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: values[m.group(1)], self.pattern)
        text = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: values[m.group(1)], text)
        return "/" + text.replace("^", "").replace("$", "")


def discover(resolver: URLResolver | None = None, prefix: str = "", namespace: str = ""):
    for entry in (resolver or get_resolver()).url_patterns:
        pattern = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace]))
            yield from discover(entry, pattern, inner)
        elif isinstance(entry, URLPattern):
            name = ":".join(filter(None, [namespace, entry.name])) if entry.name else None
            params = re.findall(r"\(\?P<(\w+)>", pattern)
            params += re.findall(r"(?<!\?P)<(?:\w+:)?(\w+)>", pattern)
            model_admin = getattr(entry.callback, "model_admin", None)
            yield Route(pattern, name, tuple(params), model_admin)


ROUTES = sorted(discover(), key=lambda route: route.pattern)


@dataclass
class World:
    users: dict[str, Any]
    values: dict[str, str]

    def values_for(self, route: Route) -> dict[str, str]:
        values = dict(self.values)
        if route.model_admin is not None:
            row = route.model_admin.model._default_manager.order_by("pk").first()
            values["object_id"] = values["id"] = str(row.pk if row else 0)
        return values | VALUES_BY_ROUTE.get(route.name or "", {})


@pytest.fixture
def world(settings) -> World:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
    sas = OrganisationFactory(code="SAS")
    area = BusinessAreaFactory(organisation=sas)
    unit = UnitFactory(business_area=area)
    manager = ManagerLinkFactory(unit=unit).manager
    staff = PersonFactory(unit=unit)
    GrantFactory(person=staff, role=role("heromarapportor"), units=[unit])
    DelegationFactory(person=manager, valid_from=dt.date(2030, 1, 1))
    users = {
        "anonymous": None,
        "manager": UserFactory(person=manager),
        "coordinator": UserFactory(app_roles=[("coordinator", sas)]),
        "specialist": UserFactory(app_roles=["specialist"]),
        "ba-contact": UserFactory(app_roles=[("ba-contact", area)]),
        "auditor": UserFactory(app_roles=["auditor"]),
        "admin": UserFactory(app_roles=["admin"], is_staff=True, is_superuser=True),
    }
    request = AccessRequest.objects.create(
        kind="grant",
        person=staff,
        role=role("chef-webb"),
        valid_from=dt.date(2030, 1, 1),
        organisation=sas,
        requested_by=users["manager"],
    )
    request.units.set([unit])
    with transaction.atomic():
        record(actor=users["admin"], action="test.world", target=unit)
    values = {
        "employee_id": staff.employee_id,
        "code": unit.code,
        "pk": str(request.pk),
        "app_label": "org",
        "content_type_id": str(ContentType.objects.get_for_model(Person).pk),
        "object_id": str(staff.pk),
        "url": "no-such-page/",
        "path": "no-such-endpoint/",
        "id": str(users["admin"].pk),
        "sequence": str(Event.objects.get().sequence),
    }
    return World(users=users, values=values)


@pytest.mark.django_db
def test_every_route_is_reachable_by_its_own_path(world):
    """The walker builds a path that the resolver maps back to the same pattern."""
    for route in ROUTES:
        path = route.path(world.values_for(route))
        match = resolve(path)
        if route.name:
            assert match.view_name == route.name, path
        else:
            assert match.route.replace("^", "") == route.pattern.replace("^", ""), path


def test_expectations_name_real_routes_and_personas():
    """A typo in EXPECTED would silently pin nothing."""
    labels = {route.label for route in ROUTES}
    assert set(EXPECTED) <= labels
    assert {persona for pinned in EXPECTED.values() for persona in pinned} <= {*PERSONAS, ANY}
    assert set(VALUES_BY_ROUTE) <= labels


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_url_as_each_persona(client, world, persona):
    user = world.users[persona]
    if user is not None:
        client.force_login(user)
    failures = []
    for route in ROUTES:
        path = route.path(world.values_for(route))
        response = client.get(path)
        problem = problems(route, persona, response)
        if problem:
            failures.append(f"{response.status_code} {path} ({route.label}): {problem}")
    assert not failures, "\n".join(failures)


def problems(route: Route, persona: str, response) -> str | None:
    status = response.status_code
    if status >= 500:
        return "server error"
    expected = EXPECTED.get(route.label, {})
    allowed = expected.get(persona, expected.get(ANY))
    if allowed is not None and status not in allowed:
        return f"expected one of {sorted(allowed)}"
    if route.is_api:
        return api_problem(route, persona, response, pinned=allowed is not None)
    if allowed is not None:
        return None
    if route.is_admin:
        return admin_problem(persona, response)
    if persona == "anonymous" and not _redirects_to(response, "/logga-in/"):
        return "anonymous not sent to sign in"
    return None


def admin_problem(persona: str, response) -> str | None:
    sent_to_login = _redirects_to(response, "/admin/login/")
    if persona == "admin":
        return "admin sent to sign in" if sent_to_login else None
    if response.status_code == 404 and persona != "anonymous":
        return None  # the admin's catch-all answers 404 before asking who you are
    return None if sent_to_login else "the admin let a non-admin in"


def api_problem(route: Route, persona: str, response, *, pinned: bool) -> str | None:
    if route.name in NOT_JSON:
        return None
    if persona == "anonymous" and not pinned and response.status_code not in {401, 403, 405}:
        return "anonymous caller let in"
    if response.headers.get("Content-Type", "").split(";")[0] != "application/json":
        return "not JSON"
    return None


def _redirects_to(response, prefix: str) -> bool:
    return response.status_code == 302 and response.headers["Location"].startswith(prefix)
