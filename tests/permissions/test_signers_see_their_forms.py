"""Whoever may act on a form sees it: its page, the API and the list, not only the act.

A manager signs the forms of the units below their own that have no manager
of their own, and the form of a manager who manages their unit alone; the
deputy of an away coordinator holds the coordinator's stage.
"""

from __future__ import annotations

import datetime as dt

import pytest

from rollkoll.requests.models import AccessRequest, RequestStatus
from rollkoll.requests.selectors import responsible_signers, route_for
from tests import factories as f
from tests.permissions.world import ROLE, today


def form(person, requester, status=RequestStatus.DRAFT, **fields) -> AccessRequest:
    request = AccessRequest.objects.create(
        kind="grant",
        status=status,
        person=person,
        role=f.role(ROLE),
        valid_from=today(),
        organisation=person.unit.organisation,
        requested_by=requester,
        **fields,
    )
    request.units.set([person.unit])
    return request


def sees(client, user, request: AccessRequest) -> list[bool]:
    """Whether the user sees the form on its page, in the API and in the API's list."""
    client.force_login(user)
    listed = client.get("/api/v1/requests/").json()["results"]
    return [
        client.get(f"/requests/{request.pk}/").status_code == 200,
        client.get(f"/api/v1/requests/{request.pk}/").status_code == 200,
        request.pk in [row["id"] for row in listed],
    ]


@pytest.fixture
def tree():
    """S0 managed by the head, over SA (its manager alone) and SC (no manager)."""
    area = f.BusinessAreaFactory(organisation=f.OrganisationFactory(code="SAS"))
    top = f.UnitFactory(business_area=area)
    head = f.UserFactory(person=f.ManagerLinkFactory(unit=top).manager)
    managed = f.UnitFactory(business_area=area, parent=top)
    manager = f.UserFactory(person=f.ManagerLinkFactory(unit=managed).manager)
    unmanaged = f.UnitFactory(business_area=area, parent=top)
    contact = f.UserFactory(app_roles=[("ba-contact", area)])
    return head, manager, managed, unmanaged, contact


@pytest.mark.django_db
def test_the_parent_units_manager_sees_the_form_of_a_manager_they_sign(client, tree):
    head, manager, _managed, _unmanaged, contact = tree
    request = form(manager.person, contact)
    assert head.person_id in responsible_signers(request)
    assert sees(client, head, request) == [True, True, True]


@pytest.mark.django_db
def test_the_parent_units_manager_sees_forms_of_a_unit_without_a_manager(client, tree):
    head, _manager, _managed, unmanaged, contact = tree
    request = form(f.PersonFactory(unit=unmanaged), contact)
    assert head.person_id in responsible_signers(request)
    assert sees(client, head, request) == [True, True, True]


@pytest.mark.django_db
def test_the_parent_units_manager_does_not_see_forms_their_managers_sign(client, tree):
    head, manager, managed, _unmanaged, _contact = tree
    request = form(f.PersonFactory(unit=managed), manager)
    assert head.person_id not in responsible_signers(request)
    assert sees(client, head, request) == [False, False, False]


@pytest.mark.django_db
def test_the_deputy_of_an_away_coordinator_sees_the_forms_in_their_queue(client, tree):
    _head, manager, managed, _unmanaged, _contact = tree
    organisation = managed.organisation
    coordinator = f.UserFactory(app_roles=[("coordinator", organisation)])
    deputy = f.UserFactory(person=f.PersonFactory(unit=f.UnitFactory()))
    f.DelegationFactory(
        person=coordinator.person, deputy=deputy.person, valid_from=today() - dt.timedelta(days=1)
    )
    request = form(
        f.PersonFactory(unit=managed),
        manager,
        RequestStatus.IN_REVIEW,
        route=route_for(organisation),
        stage=1,
    )
    assert sees(client, deputy, request) == [True, True, True]
    assert sees(client, deputy, form(f.PersonFactory(unit=managed), manager)) == [False] * 3


@pytest.mark.django_db
def test_the_parent_units_manager_sees_a_manager_link_to_a_unit_below(client, tree):
    head, _manager, managed, _unmanaged, contact = tree
    request = AccessRequest.objects.create(
        kind="manager_link",
        person=f.PersonFactory(unit=managed),
        valid_from=today(),
        organisation=managed.organisation,
        requested_by=contact,
    )
    request.units.set([managed])
    assert head.person_id in responsible_signers(request)
    assert sees(client, head, request) == [True, True, True]
