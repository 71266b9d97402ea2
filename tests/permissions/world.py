"""Two organisations, four units with their own managers, and what each unit holds.

SÄS (route: staffing coordinator, then specialist support) has one business
area with a top unit S0 over SA and SB; NÄL (the default route: specialist
support only) has another business area with NA and NB. Each of the four
places has its own manager, a person with an open draft, one in review at the
route's first stage and one at its last, a grant on the unit, a delegation and
an audit event. The personas' own people sit on S0, except the managers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from rollkoll.audit.models import Event
from rollkoll.audit.services import record
from rollkoll.credentials.models import ApiToken
from rollkoll.credentials.services import token_issue
from rollkoll.org.models import BusinessArea, Delegation, Organisation, Person, Unit, User
from rollkoll.register.models import Grant
from rollkoll.requests.models import AccessRequest, RequestStatus
from rollkoll.requests.selectors import route_for, stages_of
from tests import factories as f

ROLE = "heromarapportor"
COURSES = ("intro", "for-chefer", "kurs-heromarapportor", "personaloversikt")
FAR_AWAY = dt.date(2030, 1, 1)


@dataclass(frozen=True)
class Place:
    """One unit with its manager and the objects the walker asks about there."""

    unit: Unit
    manager: User
    staff: Person
    holder: Person
    grant: Grant
    draft: AccessRequest
    review: AccessRequest
    last: AccessRequest
    delegation: Delegation
    event: Event
    token: ApiToken  # the manager's


@dataclass(frozen=True)
class World:
    places: dict[str, Place]
    users: dict[str, User | None]

    def values(self, place: str) -> dict[str, str]:
        """URL parameters by name, for the place's objects."""
        here = self.places[place]
        return {
            "pk": str(here.draft.pk),
            "employee_id": here.staff.employee_id,
            "code": here.unit.code,
            "sequence": str(here.event.sequence),
            "app_label": "org",
            "content_type_id": str(ContentType.objects.get_for_model(AccessRequest).pk),
            "url": "no-such-page/",
            "path": "no-such-endpoint/",
            "object_id": str(here.draft.pk),
            "id": str(here.manager.pk),
        }


def today() -> dt.date:
    return timezone.localdate()


def build() -> World:
    sas = f.OrganisationFactory(code="SAS", name="Södra Älvsborgs Sjukhus")
    nal = f.OrganisationFactory(code="NAL", name="NU-sjukvården")
    sas_area = f.BusinessAreaFactory(organisation=sas, code="VO-S")
    nal_area = f.BusinessAreaFactory(organisation=nal, code="VO-N")
    top = f.UnitFactory(business_area=sas_area, code="S0")
    f.ManagerLinkFactory(unit=top)
    units = {
        "SA": f.UnitFactory(business_area=sas_area, code="SA", parent=top),
        "SB": f.UnitFactory(business_area=sas_area, code="SB", parent=top),
        "NA": f.UnitFactory(business_area=nal_area, code="NA"),
        "NB": f.UnitFactory(business_area=nal_area, code="NB"),
    }
    managers = {
        code: f.UserFactory(person=f.ManagerLinkFactory(unit=unit).manager)
        for code, unit in units.items()
    }
    users = _personas(managers, top, sas, nal_area)
    admin = users["admin"]
    assert admin is not None
    return World(
        places={code: _place(unit, managers[code], admin) for code, unit in units.items()},
        users=users,
    )


def _personas(
    managers: dict[str, User], top: Unit, sas: Organisation, nal_area: BusinessArea
) -> dict[str, User | None]:
    away = managers["NA"].person
    deputy = managers["SB"]
    f.DelegationFactory(
        person=away,
        deputy=deputy.person,
        valid_from=today() - dt.timedelta(days=1),
        valid_to=today() + dt.timedelta(days=30),
    )

    def account(*app_roles, **extra) -> User:
        return f.UserFactory(person=f.PersonFactory(unit=top), app_roles=list(app_roles), **extra)

    contact = account(("ba-contact", nal_area))
    nal_area.contact = contact.person
    nal_area.save()
    return {
        "anonymous": None,
        "manager": managers["SA"],
        "deputy": deputy,
        "coordinator": account(("coordinator", sas)),
        "specialist": account("specialist"),
        "ba_contact": contact,
        "auditor": account("auditor"),
        "admin": account("admin", is_staff=True, is_superuser=True),
    }


def _place(unit: Unit, manager: User, admin: User) -> Place:
    staff = f.PersonFactory(unit=unit)
    for code in COURSES:
        f.CompletionFactory(person=staff, course=f.course(code))
    holder = f.PersonFactory(unit=unit)
    stages = stages_of(route_for(unit.organisation))
    return Place(
        unit=unit,
        manager=manager,
        staff=staff,
        holder=holder,
        grant=f.GrantFactory(person=holder, role=f.role(ROLE), units=[unit]),
        draft=_request(staff, manager, RequestStatus.DRAFT),
        review=_request(staff, manager, RequestStatus.IN_REVIEW, stages[0].position),
        last=_request(staff, manager, RequestStatus.IN_REVIEW, stages[-1].position),
        delegation=f.DelegationFactory(
            person=manager.person, deputy=holder, valid_from=FAR_AWAY, valid_to=FAR_AWAY
        ),
        event=record(actor=admin, action="test.world", target=unit),
        token=token_issue(user=manager, address=None)[0],
    )


def _request(person: Person, requester: User, status: str, stage: int | None = None):
    organisation = person.unit.organisation
    request = AccessRequest.objects.create(
        kind="grant",
        status=status,
        person=person,
        role=f.role(ROLE),
        valid_from=today(),
        organisation=organisation,
        requested_by=requester,
        route=route_for(organisation) if stage else None,
        stage=stage,
        stage_entered_at=timezone.now() if stage else None,
        stage_due=today() + dt.timedelta(days=7) if stage else None,
    )
    request.units.set([person.unit])
    return request
