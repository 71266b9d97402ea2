"""Building blocks of the request-flow tests: a small SÄS and a default organisation."""

import datetime as dt
from dataclasses import dataclass

from rollkoll.notify.models import OutboxMessage
from rollkoll.org.models import BusinessArea, Organisation, Person, Unit, User
from rollkoll.requests.services import request_create
from tests.factories import (
    BusinessAreaFactory,
    CompletionFactory,
    ManagerLinkFactory,
    OrganisationFactory,
    PersonFactory,
    UnitFactory,
    UserFactory,
    course,
    role,
)

START = dt.date(2026, 12, 1)


@dataclass
class World:
    sas: Organisation
    area: BusinessArea
    parent: Unit  # the business area's top unit, managed by `head`
    unit: Unit  # a ward, managed by `manager`
    head: User
    manager: User
    contact: User  # the business area's contact
    coordinator: User
    coordinator2: User
    specialist: User
    employee: Person
    other: Organisation  # an organisation on the default route
    other_unit: Unit
    other_manager: User
    other_employee: Person


def manager_of(unit: Unit, username: str) -> User:
    person = PersonFactory(unit=unit, email=f"{username}@example.org")
    ManagerLinkFactory(unit=unit, manager=person)
    return UserFactory(username=username, person=person)


def completed(person: Person, *codes: str, on: dt.date = dt.date(2024, 1, 15)) -> None:
    for code in codes:
        CompletionFactory(person=person, course=course(code), completed_on=on)


def make_world() -> World:
    """Every persona of the request flow, with SÄS's route and one on the default route."""
    sas = Organisation.objects.get(code="SAS")
    area = BusinessAreaFactory(organisation=sas, code="VO-MED", name="Medicin")
    parent = UnitFactory(business_area=area, code="4700", name="Medicinkliniken")
    unit = UnitFactory(business_area=area, code="4711", name="Avdelning 11", parent=parent)
    contact_person = PersonFactory(unit=parent, email="kontakt@example.org")
    area.contact = contact_person
    area.save()
    other = OrganisationFactory(code="NAL", name="Norra förvaltningen")
    other_unit = UnitFactory(business_area=BusinessAreaFactory(organisation=other), code="5100")
    other_manager = manager_of(other_unit, "nal-chef")
    return World(
        sas=sas,
        area=area,
        parent=parent,
        unit=unit,
        head=manager_of(parent, "klinikchef"),
        manager=manager_of(unit, "chef"),
        contact=UserFactory(
            username="kontakt", person=contact_person, app_roles=[("ba-contact", area)]
        ),
        coordinator=UserFactory(
            username="samordnare",
            person=PersonFactory(unit=parent, email="samordnare@example.org"),
            app_roles=[("coordinator", sas)],
        ),
        coordinator2=UserFactory(
            username="samordnare2",
            person=PersonFactory(unit=parent, email="samordnare2@example.org"),
            app_roles=[("coordinator", sas)],
        ),
        specialist=UserFactory(
            username="specialist",
            person=PersonFactory(unit=other_unit, email="specialist@example.org"),
            app_roles=["specialist"],
        ),
        employee=PersonFactory(unit=unit, email="anstalld@example.org"),
        other=other,
        other_unit=other_unit,
        other_manager=other_manager,
        other_employee=PersonFactory(unit=other_unit, email="nal-anstalld@example.org"),
    )


def draft(actor, person, code, unit, kind="grant"):
    """A draft form for one unit from START."""
    return request_create(
        actor=actor,
        kind=kind,
        person=person,
        role=role(code) if code else None,
        units=[unit],
        valid_from=START,
    )


def outbox(kind):
    """The addresses queued for one kind of notification, sorted."""
    return sorted(OutboxMessage.objects.filter(kind=kind).values_list("recipient", flat=True))
