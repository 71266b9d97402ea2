"""A role the unit needs (a Heromarapportör for Chef webb) counts only when it will exist.

A draft counts among the forms one manager prepares and signs together; a
signed form counts for signing and approval; carrying out needs the role held
on the unit from the start date. A closed needed form sends its dependants back.
"""

import pytest

from rollkoll.errors import DomainError
from rollkoll.notify.models import Kind
from rollkoll.requests.models import RequestStatus
from rollkoll.requests.services import (
    request_approve,
    request_carry_out,
    request_reject,
    request_withdraw,
    requests_sign,
)
from tests.factories import PASSWORD, PersonFactory
from tests.requests.flow import completed, draft, outbox

REPORTER = ("intro", "for-chefer", "kurs-heromarapportor")


@pytest.fixture
def reporter(world):
    """A colleague on the unit, trained to be its Heromarapportör."""
    person = PersonFactory(unit=world.unit, email="rapportor@example.org")
    completed(person, *REPORTER)
    return person


@pytest.fixture
def chef_webb_trained(world):
    completed(world.employee, "intro", "for-chefer")
    return world.employee


def refused_code(call):
    with pytest.raises(DomainError) as refused:
        call()
    return refused.value.code, [reason["code"] for reason in refused.value.reasons]


def signed_together(world, reporter):
    needed = draft(world.manager, reporter, "heromarapportor", world.unit)
    dependent = draft(world.manager, world.employee, "chef-webb", world.unit)
    requests_sign(requests=[needed, dependent], actor=world.manager, password=PASSWORD)
    for request in (needed, dependent):
        request_approve(request=request, actor=world.coordinator)
    return needed, dependent


def test_someone_elses_unsigned_draft_does_not_count(world, reporter, chef_webb_trained):
    draft(world.contact, reporter, "heromarapportor", world.unit)
    assert refused_code(
        lambda: draft(world.manager, chef_webb_trained, "chef-webb", world.unit)
    ) == ("not_eligible", ["needs_role_on_unit"])


def test_a_draft_counts_only_if_signed_in_the_same_act(world, reporter, chef_webb_trained):
    draft(world.manager, reporter, "heromarapportor", world.unit)
    dependent = draft(world.manager, chef_webb_trained, "chef-webb", world.unit)
    assert refused_code(
        lambda: requests_sign(requests=[dependent], actor=world.manager, password=PASSWORD)
    ) == ("not_eligible", ["needs_role_on_unit"])
    assert dependent.status == RequestStatus.DRAFT


def test_a_signed_needed_form_counts_for_signing(world, reporter, chef_webb_trained):
    needed = draft(world.manager, reporter, "heromarapportor", world.unit)
    requests_sign(requests=[needed], actor=world.manager, password=PASSWORD)
    dependent = draft(world.contact, chef_webb_trained, "chef-webb", world.unit)
    signed = requests_sign(requests=[dependent], actor=world.manager, password=PASSWORD)
    assert signed[0].status == RequestStatus.IN_REVIEW


def test_carrying_out_needs_the_role_held_first(world, reporter, chef_webb_trained):
    needed, dependent = signed_together(world, reporter)
    assert refused_code(lambda: request_carry_out(request=dependent, actor=world.specialist)) == (
        "not_eligible",
        ["needs_role_on_unit"],
    )
    request_carry_out(request=needed, actor=world.specialist)
    done = request_carry_out(request=dependent, actor=world.specialist)
    assert done.status == RequestStatus.COMPLETED


@pytest.mark.parametrize("close", ["reject", "withdraw"])
def test_closing_the_needed_form_returns_the_dependent_one(
    world, reporter, chef_webb_trained, close
):
    needed, dependent = signed_together(world, reporter)
    if close == "reject":
        request_reject(request=needed, actor=world.specialist, reason="Fel person.")
    else:
        request_withdraw(request=needed, actor=world.manager)
    dependent.refresh_from_db()
    assert dependent.status == RequestStatus.RETURNED
    assert "Heromarapportör" in dependent.reason
    assert ("Fel person." in dependent.reason) == (close == "reject")
    assert world.manager.person.email in outbox(Kind.REQUEST_RETURNED)


def test_a_dependent_form_with_another_needed_role_on_the_unit_goes_on(
    world, reporter, chef_webb_trained
):
    needed, dependent = signed_together(world, reporter)
    other = PersonFactory(unit=world.unit)
    completed(other, *REPORTER)
    second = draft(world.manager, other, "heromarapportor", world.unit)
    requests_sign(requests=[second], actor=world.manager, password=PASSWORD)
    request_withdraw(request=needed, actor=world.manager)
    dependent.refresh_from_db()
    assert dependent.status == RequestStatus.IN_REVIEW
