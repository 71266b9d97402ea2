"""`visible_to(user)`: what each persona sees of people, units, business areas and grants."""

import datetime as dt

import pytest

from rollkoll.org.models import BusinessArea, Person, Unit
from rollkoll.register.models import Grant
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

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    """Two organisations, two business areas in the first, a unit in each area."""
    sas, other = OrganisationFactory(code="SAS"), OrganisationFactory()
    area_a, area_b = BusinessAreaFactory(organisation=sas), BusinessAreaFactory(organisation=sas)
    area_c = BusinessAreaFactory(organisation=other)
    units = {
        "a": UnitFactory(business_area=area_a),
        "b": UnitFactory(business_area=area_b),
        "c": UnitFactory(business_area=area_c),
    }
    people = {key: PersonFactory(unit=unit) for key, unit in units.items()}
    return {"sas": sas, "area_a": area_a, "units": units, "people": people}


def visible_people(user):
    return set(Person.objects.visible_to(user))


@pytest.mark.parametrize("kind", ["specialist", "auditor", "admin"])
def test_central_roles_see_everything(world, kind):
    user = UserFactory(app_roles=[kind])
    assert visible_people(user) == set(Person.objects.all())
    assert set(Unit.objects.visible_to(user)) == set(Unit.objects.all())


def test_coordinator_sees_their_organisation_only(world):
    user = UserFactory(app_roles=[("coordinator", world["sas"])])
    people = world["people"]
    assert visible_people(user) == {people["a"], people["b"], user.person}
    assert set(BusinessArea.objects.visible_to(user)) == set(world["sas"].business_areas.all())


def test_business_area_contact_sees_their_area_only(world):
    user = UserFactory(app_roles=[("ba-contact", world["area_a"])])
    assert visible_people(user) == {world["people"]["a"], user.person}
    assert list(BusinessArea.objects.visible_to(user)) == [world["area_a"]]


def test_manager_sees_the_units_they_are_linked_to(world):
    link = ManagerLinkFactory(unit=world["units"]["a"])
    user = UserFactory(person=link.manager)
    assert visible_people(user) == {world["people"]["a"], link.manager}
    assert list(Unit.objects.visible_to(user)) == [world["units"]["a"]]
    assert list(BusinessArea.objects.visible_to(user)) == [world["area_a"]]


def test_an_ended_manager_link_gives_nothing(world):
    link = ManagerLinkFactory(unit=world["units"]["a"], valid_to=dt.date(2021, 1, 1))
    user = UserFactory(person=link.manager)
    assert visible_people(user) == {link.manager}


def test_deputy_sees_the_away_managers_units(world):
    link = ManagerLinkFactory(unit=world["units"]["b"])
    deputy = UserFactory(person=PersonFactory(unit=world["units"]["c"]))
    DelegationFactory(person=link.manager, deputy=deputy.person)
    assert world["people"]["b"] in visible_people(deputy)


def test_a_user_without_roles_sees_only_themselves(world):
    user = UserFactory()
    assert visible_people(user) == {user.person}
    assert not Unit.objects.visible_to(user).exists()


def test_grants_are_visible_by_holder_or_by_unit(world):
    user = UserFactory(app_roles=[("ba-contact", world["area_a"])])
    on_my_unit = GrantFactory(person=world["people"]["c"], units=[world["units"]["a"]])
    my_person_elsewhere = GrantFactory(person=world["people"]["a"], units=[world["units"]["c"]])
    GrantFactory(person=world["people"]["c"], role=role("chef"), units=[world["units"]["c"]])
    assert set(Grant.objects.visible_to(user)) == {on_my_unit, my_person_elsewhere}
