"""`rollkoll demo --no-serve`: demo data, one account per persona, the printed table."""

import io

import pytest
from django.core.management import CommandError, call_command

from rollkoll.ops.management.commands.demo import DEMO_PASSWORD, PERSONAS
from rollkoll.org.models import ManagerKind, ManagerLink, Person, User
from rollkoll.register.models import Grant
from rollkoll.requests.models import AccessRequest
from tests.factories import (
    BusinessAreaFactory,
    ManagerLinkFactory,
    OrganisationFactory,
    PersonFactory,
    UnitFactory,
)

USERNAMES = [persona.username for persona in PERSONAS]


def demo(*args: str) -> str:
    out = io.StringIO()
    call_command("demo", "--no-serve", *args, stdout=out)
    return out.getvalue()


def sign_in(client, username: str) -> int:
    return client.post("/logga-in/", {"username": username, "password": DEMO_PASSWORD}).status_code


@pytest.fixture
def small_sas():
    """A SÄS with one staffed unit managed by a first-line manager, and a few others."""
    area = BusinessAreaFactory(organisation=OrganisationFactory(code="SAS", name="SÄS"))
    staffed = UnitFactory(business_area=area)
    manager = PersonFactory(unit=staffed, manager_kind=ManagerKind.VARDENHETSCHEF)
    ManagerLinkFactory(unit=staffed, manager=manager)
    ManagerLinkFactory(unit=UnitFactory(business_area=area))  # a manager without staff
    PersonFactory.create_batch(8, unit=staffed)
    return manager


@pytest.mark.django_db
def test_demo_creates_one_account_per_persona_and_prints_them(client, small_sas):
    lines = demo().splitlines()
    table = [line.split() for line in lines if line.split()[:1] and line.split()[0] in USERNAMES]
    assert [row[:2] for row in table] == [[name, DEMO_PASSWORD] for name in USERNAMES]
    users = {user.username: user for user in User.objects.select_related("person")}
    assert sorted(users) == sorted(USERNAMES)
    assert users["chef"].person == small_sas
    assert users["chef"].scope.is_manager
    assert not users["chef"].app_roles.exists()
    assert users["samordnare"].scope.is_coordinator
    assert users["kontaktperson"].scope.is_business_area_contact
    assert users["specialist"].scope.is_specialist
    assert users["granskare"].scope.is_auditor
    assert users["admin"].is_superuser
    assert len({user.person_id for user in users.values()}) == len(USERNAMES)
    assert sign_in(client, "samordnare") == 302


@pytest.mark.django_db
def test_running_it_twice_keeps_data_and_accounts(small_sas):
    demo()
    before = list(User.objects.order_by("pk").values_list("pk", "username", "person"))
    output = demo()
    assert list(User.objects.order_by("pk").values_list("pk", "username", "person")) == before
    assert "chef" in output


@pytest.mark.django_db
def test_serving_needs_debug(settings, small_sas):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG=1"):
        call_command("demo", stdout=io.StringIO())
    assert not User.objects.exists()


@pytest.mark.django_db
def test_on_an_empty_database_it_generates_and_imports_demo_data(client):
    demo()
    assert Person.objects.count() > 100
    manager = User.objects.get(username="chef").person
    assert manager.manager_kind in {"vardenhetschef", "enhetschef", "lakarchef"}
    linked = ManagerLink.objects.active_on().filter(manager=manager)
    assert Person.objects.filter(unit__manager_links__in=linked).exclude(pk=manager.pk).exists()
    statuses = sorted(AccessRequest.objects.values_list("status", "stage"))
    assert statuses == [("completed", 2), ("draft", None), ("in_review", 1), ("in_review", 2)]
    completed = AccessRequest.objects.get(status="completed")
    assert Grant.objects.active_on().filter(person=completed.person, role=completed.role).exists()
    people_count = Person.objects.count()
    demo()
    assert Person.objects.count() == people_count
    assert AccessRequest.objects.count() == len(statuses)
    for username in USERNAMES:
        assert sign_in(client, username) == 302
        client.post("/logga-ut/")
