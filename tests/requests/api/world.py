"""A small organisation with its actors, and helpers to walk requests through the API."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.utils import timezone
from rest_framework.test import APIClient

from rollkoll.audit.models import Event
from rollkoll.credentials.services import token_issue
from rollkoll.org.models import Organisation, Person, Unit, User
from rollkoll.register.models import Grant
from rollkoll.requests.models import AccessRequest
from tests import factories as f

PASSWORD = f.PASSWORD
# Signing the actors in is no part of what the acts under test write.
SIGN_IN_ACTIONS = ("user.sign_in", "api_token.issue")
SAS_REPORTER_COURSES = ("intro", "for-chefer", "kurs-heromarapportor")


def client_for(user: User, *, session: bool = False) -> APIClient:
    """An API client signed in as the user: by session cookie or by token."""
    client = APIClient()
    if session:
        client.force_login(user)
    else:
        _token, key = token_issue(user=user, address=None)
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@dataclass
class World:
    """One business area with a unit, its manager, a coordinator and specialist support."""

    organisation: Organisation
    unit: Unit
    manager: User
    coordinator: User | None
    specialist: User

    @classmethod
    def build(cls, organisation_code: str) -> World:
        organisation = f.OrganisationFactory(code=organisation_code)
        unit = f.UnitFactory(business_area=f.BusinessAreaFactory(organisation=organisation))
        link = f.ManagerLinkFactory(unit=unit)
        coordinator = (
            f.UserFactory(app_roles=[("coordinator", organisation)])
            if organisation_code == "SAS"
            else None
        )
        return cls(
            organisation=organisation,
            unit=unit,
            manager=f.UserFactory(person=link.manager),
            coordinator=coordinator,
            specialist=f.UserFactory(app_roles=["specialist"]),
        )

    def apply(
        self,
        person: Person,
        role: str | None = "heromarapportor",
        kind: str = "grant",
        *,
        client: APIClient | None = None,
        **form: Any,
    ) -> Any:
        """POST a form for the person on the world's unit, by default as its manager."""
        body = {
            "kind": kind,
            "employee_id": person.employee_id,
            "role": role,
            "units": [self.unit.code],
            "valid_from": today().isoformat(),
            "comment": "",
            **form,
        }
        return (client or client_for(self.manager)).post("/api/v1/requests/", body, format="json")

    def employee(self, *courses: str, booked: tuple[str, ...] = ()) -> Person:
        """A person on the unit who has passed `courses` and booked `booked`."""
        person = f.PersonFactory(unit=self.unit)
        for code in courses:
            f.CompletionFactory(person=person, course=f.course(code))
        for code in booked:
            f.BookingFactory(person=person, course=f.course(code))
        return person


def today() -> dt.date:
    return timezone.localdate()


def act(client: APIClient, request_id: int, name: str, **body: Any) -> Any:
    return client.post(f"/api/v1/requests/{request_id}/{name}/", body, format="json")


def sign(client: APIClient, request_id: int) -> Any:
    return act(client, request_id, "sign", password=PASSWORD)


def held(client: APIClient, **params: Any) -> list[tuple[str, str, list[str]]]:
    """(employee_id, role, units) of each grant the register lists."""
    response = client.get("/api/v1/grants/", params)
    assert response.status_code == 200, response.content
    return [(g["employee_id"], g["role"], g["units"]) for g in response.json()["results"]]


def everything(request_id: int | None = None) -> tuple[Any, ...]:
    """The request row, the register, the audit log and the outbox, to compare."""
    outbox = sum(model.objects.count() for model in apps.get_app_config("notify").get_models())
    return (
        list(AccessRequest.objects.filter(pk=request_id).values()),
        list(AccessRequest.objects.values_list("pk", "status", "stage")),
        list(Grant.objects.values()),
        Event.objects.exclude(action__in=SIGN_IN_ACTIONS).count(),
        outbox,
    )
