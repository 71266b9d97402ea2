"""Factories for the domain objects shared by every app's tests."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from rollkoll.catalog.models import Course, Role
from rollkoll.org import personnummer
from rollkoll.org.models import (
    AppRole,
    BusinessArea,
    Delegation,
    ManagerLink,
    Organisation,
    Person,
    Unit,
    User,
)
from rollkoll.register.models import Grant
from rollkoll.training.models import Booking, Completion

PASSWORD = "correct-horse-battery"


def fictitious_personnummer(n: int) -> str:
    """A Luhn-valid number in the 1800s, which no living person has."""
    born = dt.date(1850, 1, 1) + dt.timedelta(days=n % 18000)
    serial = f"{born:%y%m%d}{n % 1000:03d}"
    return f"{born:%Y%m%d}-{serial[6:]}{personnummer.luhn_check_digit(serial)}"


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"ORG{n}")
    name = factory.Sequence(lambda n: f"Förvaltning {n}")


class BusinessAreaFactory(DjangoModelFactory):
    class Meta:
        model = BusinessArea

    organisation = factory.SubFactory(OrganisationFactory)
    code = factory.Sequence(lambda n: f"VO{n}")
    name = factory.Sequence(lambda n: f"Verksamhetsområde {n}")


class UnitFactory(DjangoModelFactory):
    class Meta:
        model = Unit

    business_area = factory.SubFactory(BusinessAreaFactory)
    code = factory.Sequence(lambda n: f"{1000 + n}")
    name = factory.Sequence(lambda n: f"Avdelning {n}")


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    employee_id = factory.Sequence(lambda n: f"E{n:06d}")
    personnummer = factory.Sequence(fictitious_personnummer)
    first_name = factory.Faker("first_name", locale="sv_SE")
    last_name = factory.Faker("last_name", locale="sv_SE")
    email = factory.LazyAttribute(lambda p: f"{p.employee_id.lower()}@example.org")
    unit = factory.SubFactory(UnitFactory)
    employed_from = dt.date(2020, 1, 1)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    person = factory.SubFactory(PersonFactory)
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def app_roles(self, create, extracted, **kwargs):
        """app_roles=["specialist", ("coordinator", org), ("ba-contact", area)]."""
        self.save()
        for entry in extracted or []:
            kind, scope = (entry, None) if isinstance(entry, str) else entry
            AppRole.objects.create(
                user=self,
                kind=kind,
                organisation=scope if isinstance(scope, Organisation) else None,
                business_area=scope if isinstance(scope, BusinessArea) else None,
            )


class ManagerLinkFactory(DjangoModelFactory):
    class Meta:
        model = ManagerLink

    unit = factory.SubFactory(UnitFactory)
    manager = factory.SubFactory(PersonFactory, unit=factory.SelfAttribute("..unit"))
    valid_from = dt.date(2020, 1, 1)


class DelegationFactory(DjangoModelFactory):
    class Meta:
        model = Delegation

    person = factory.SubFactory(PersonFactory)
    deputy = factory.SubFactory(PersonFactory)
    valid_from = dt.date(2020, 1, 1)


def role(code: str) -> Role:
    """A role from the catalog that the data migration loads."""
    return Role.objects.get(code=code)


def course(code: str) -> Course:
    return Course.objects.get(code=code)


class CompletionFactory(DjangoModelFactory):
    class Meta:
        model = Completion

    person = factory.SubFactory(PersonFactory)
    course = factory.LazyFunction(lambda: course("intro"))
    completed_on = dt.date(2024, 1, 15)


class BookingFactory(DjangoModelFactory):
    class Meta:
        model = Booking

    person = factory.SubFactory(PersonFactory)
    course = factory.LazyFunction(lambda: course("kurs-chef"))
    booked_on = dt.date(2024, 2, 1)


class GrantFactory(DjangoModelFactory):
    class Meta:
        model = Grant
        skip_postgeneration_save = True

    person = factory.SubFactory(PersonFactory)
    role = factory.LazyFunction(lambda: role("heromarapportor"))
    valid_from = dt.date(2024, 1, 1)

    @factory.post_generation
    def units(self, create, extracted, **kwargs):
        """units=[unit, ...]; by default the holder's own unit."""
        self.units.set(
            extracted or [self.person.unit], through_defaults={"valid_from": self.valid_from}
        )
