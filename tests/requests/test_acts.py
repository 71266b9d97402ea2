"""Who sees which requests, and the acts that end a request early."""

import datetime as dt

import pytest

from rollkoll.errors import Conflict, DomainError, NotPermitted
from rollkoll.notify.models import OutboxMessage
from rollkoll.requests.models import AccessRequest, RequestStatus
from rollkoll.requests.services import (
    request_approve,
    request_carry_out,
    request_reject,
    request_withdraw,
    requests_sign,
)
from tests.factories import (
    PASSWORD,
    GrantFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
    role,
)
from tests.requests.flow import START, completed, draft


@pytest.fixture
def signed(world):
    completed(world.employee, "intro", "for-chefer", "kurs-heromarapportor")
    request = draft(world.contact, world.employee, "heromarapportor", world.unit)
    return requests_sign(requests=[request], actor=world.manager, password=PASSWORD)[0]


def test_visible_to_follows_the_scope(world, signed):
    def sees(user):
        return AccessRequest.objects.visible_to(user).filter(pk=signed.pk).exists()

    elsewhere = OrganisationFactory(code="ALS")
    assert all(
        sees(user)
        for user in (
            world.contact,  # the requester, and the area's contact
            world.manager,  # the person's manager
            world.coordinator,  # coordinator of SÄS
            world.specialist,
            UserFactory(app_roles=["auditor"]),
        )
    )
    assert not any(
        sees(user)
        for user in (
            world.other_manager,
            UserFactory(app_roles=[("coordinator", elsewhere)]),
            UserFactory(person=PersonFactory()),
        )
    )


def test_the_employee_sees_their_own_request(world, signed):
    own = UserFactory(person=world.employee)
    assert list(AccessRequest.objects.visible_to(own)) == [signed]


def test_withdraw_by_the_requester_then_nothing_moves_it(world, signed):
    with pytest.raises(NotPermitted):
        request_withdraw(request=signed, actor=world.coordinator)
    request = request_withdraw(request=signed, actor=world.contact)
    assert request.status == RequestStatus.WITHDRAWN
    with pytest.raises(Conflict):
        request_approve(request=request, actor=world.coordinator)
    with pytest.raises(Conflict):
        request_withdraw(request=request, actor=world.manager)


def test_reject_needs_a_reason_and_tells_the_requester(world, signed):
    with pytest.raises(DomainError) as refused:
        request_reject(request=signed, actor=world.coordinator, reason="  ")
    assert refused.value.code == "reason_missing"
    request = request_reject(request=signed, actor=world.coordinator, reason="Fel roll.")
    assert (request.status, request.reason) == (RequestStatus.REJECTED, "Fel roll.")
    assert list(
        OutboxMessage.objects.filter(kind="request_rejected").values_list("recipient", flat=True)
    ) == ["kontakt@example.org"]


def test_carry_out_is_for_specialist_support_at_the_last_stage(world, signed):
    with pytest.raises(NotPermitted):
        request_carry_out(request=signed, actor=world.coordinator)
    with pytest.raises(Conflict):
        request_carry_out(request=signed, actor=world.specialist)
    with pytest.raises(NotPermitted):
        request_approve(request=signed, actor=world.specialist)
    request = request_approve(request=signed, actor=world.coordinator)
    with pytest.raises(Conflict):
        request_approve(request=request, actor=world.coordinator2)
    assert request_carry_out(request=request, actor=world.specialist).status == "completed"


def test_carry_out_asks_the_engine_again(world, signed):
    request = request_approve(request=signed, actor=world.coordinator)
    GrantFactory(person=world.employee, role=role("heromarapportor"), units=[world.unit])
    with pytest.raises(DomainError) as refused:
        request_carry_out(request=request, actor=world.specialist)
    assert refused.value.code == "not_eligible"
    request.refresh_from_db()
    assert request.status == RequestStatus.IN_REVIEW


def test_a_form_that_would_end_a_grant_before_it_starts_is_refused_when_prepared(world):
    completed(world.employee, "intro", "for-chefer", "kurs-chef")
    GrantFactory(person=PersonFactory(unit=world.unit))  # the unit's Heromarapportör
    GrantFactory(
        person=world.employee, role=role("chef-webb"), valid_from=START + dt.timedelta(days=30)
    )
    with pytest.raises(DomainError) as refused:
        draft(world.contact, world.employee, "chef", world.unit)
    assert refused.value.code == "replaced_starts_later"
    assert "31 december 2026" in str(refused.value)
    assert not AccessRequest.objects.filter(person=world.employee).exists()
