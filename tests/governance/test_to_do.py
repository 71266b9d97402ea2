"""What waits for a user: forms to sign, the queue, and findings, each within the user's scope."""

import datetime as dt

import pytest
from django.utils import timezone

from rollkoll.governance.models import FindingKind
from rollkoll.governance.selectors import findings_for, to_do
from rollkoll.org.models import ManagerAssignment, User
from rollkoll.requests.models import RequestKind
from rollkoll.requests.services import request_create
from tests.factories import (
    DelegationFactory,
    GrantFactory,
    ManagerLinkFactory,
    PersonFactory,
    UnitFactory,
    UserFactory,
    role,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def kinds(user) -> list[tuple[str, str]]:
    return [(finding.kind, finding.person.employee_id) for finding in findings_for(user)]


@pytest.fixture
def manager():
    """A manager linked to one unit; HR agrees."""
    link = ManagerLinkFactory()
    ManagerAssignment.objects.create(
        unit=link.unit, manager=link.manager, valid_from=link.valid_from
    )
    return UserFactory(person=link.manager)


def test_a_leaver_holding_a_role_is_a_finding_for_their_manager_only(manager):
    unit = manager.person.unit
    leaver = PersonFactory(unit=unit, employed_to=TODAY - dt.timedelta(days=1))
    GrantFactory(person=leaver)
    GrantFactory(person=PersonFactory(unit=unit))  # at work: no finding
    assert kinds(manager) == [(FindingKind.LEAVER_HOLDS_ROLE, leaver.employee_id)]
    assert kinds(UserFactory()) == []
    assert len(findings_for(UserFactory(app_roles=["auditor"]))) == 1


def test_a_role_without_the_role_it_needs_on_the_unit_is_a_finding(manager):
    unit = manager.person.unit
    GrantFactory(person=manager.person, role=role("chef"))
    assert kinds(manager) == [(FindingKind.NEEDED_ROLE_MISSING, manager.person.employee_id)]
    GrantFactory(person=PersonFactory(unit=unit), role=role("heromarapportor"))
    assert kinds(manager) == []


def test_a_manager_in_hr_not_linked_in_heroma_is_a_finding(manager):
    unit = manager.person.unit
    newcomer = PersonFactory(unit=unit)
    ManagerAssignment.objects.filter(unit=unit).update(valid_to=TODAY - dt.timedelta(days=8))
    ManagerAssignment.objects.create(
        unit=unit, manager=newcomer, valid_from=TODAY - dt.timedelta(days=7)
    )
    [finding] = findings_for(manager)
    assert (finding.kind, finding.person) == (FindingKind.LINK_DIFFERS, newcomer)
    assert manager.person.full_name in finding.detail
    other_unit = UnitFactory(business_area=unit.business_area)
    assert findings_for(UserFactory(app_roles=[("ba-contact", other_unit.business_area)]))


def test_a_draft_waits_for_the_manager_and_the_deputy_of_an_away_manager(manager):
    person = PersonFactory(unit=manager.person.unit)
    GrantFactory(person=person)
    draft = request_create(
        actor=manager,
        kind=RequestKind.END,
        person=person,
        role=role("heromarapportor"),
        units=[person.unit],
        valid_from=TODAY,
    )
    deputy = UserFactory()
    assert to_do(manager).to_sign == [draft]
    assert len(to_do(manager)) == 1
    assert to_do(deputy).to_sign == []
    DelegationFactory(person=manager.person, deputy=deputy.person, valid_from=TODAY)
    assert to_do(User.objects.get(pk=deputy.pk)).to_sign == [draft]  # scope is read once
    assert to_do(UserFactory(app_roles=["specialist"])).to_sign == []


def test_the_start_page_lists_what_waits(client, manager):
    leaver = PersonFactory(unit=manager.person.unit, employed_to=TODAY - dt.timedelta(days=1))
    GrantFactory(person=leaver)
    client.force_login(manager)
    page = client.get("/").content.decode()
    assert "Att följa upp" in page
    assert f"{leaver.full_name} slutade" in page
    client.force_login(UserFactory())
    assert "Inget väntar på dig just nu." in client.get("/").content.decode()
