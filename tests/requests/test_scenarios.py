"""The seed scenarios, walked through the services as the real actors would."""

import datetime as dt

import pytest
from django.core.management import call_command

from rollkoll.audit.selectors import events_for
from rollkoll.errors import Conflict, DomainError
from rollkoll.org.models import ManagerLink
from rollkoll.register.models import Grant
from rollkoll.requests.models import RequestStatus
from rollkoll.requests.services import (
    request_approve,
    request_carry_out,
    request_return,
    request_update,
    requests_resume_after_training,
    requests_sign,
)
from tests.factories import PASSWORD, BookingFactory, GrantFactory, PersonFactory, role
from tests.requests.flow import START, completed, draft


def _through_sas(world, request, signer):
    [request] = requests_sign(requests=[request], actor=signer, password=PASSWORD)
    assert (request.status, request.stage) == (RequestStatus.IN_REVIEW, 1)
    request = request_approve(request=request, actor=world.coordinator)
    assert (request.status, request.stage) == (RequestStatus.IN_REVIEW, 2)
    request = request_carry_out(request=request, actor=world.specialist)
    assert request.status == RequestStatus.COMPLETED
    return request


def _grants(person, code):
    return list(Grant.objects.filter(person=person, role__code=code).order_by("valid_from"))


def test_sas_manager_applies_for_heromarapportor_for_a_new_employee(world):
    completed(world.employee, "intro", "for-chefer", "kurs-heromarapportor")
    request = draft(world.manager, world.employee, "heromarapportor", world.unit)
    assert request.status == RequestStatus.DRAFT
    _through_sas(world, request, world.manager)
    [grant] = _grants(world.employee, "heromarapportor")
    assert (grant.valid_from, grant.valid_to) == (START, None)
    assert list(grant.units.all()) == [world.unit]


def test_returned_request_is_edited_and_signed_again(world):
    completed(world.employee, "intro", "for-chefer", "kurs-heromarapportor")
    request = draft(world.manager, world.employee, "heromarapportor", world.unit)
    [request] = requests_sign(requests=[request], actor=world.manager, password=PASSWORD)
    request = request_return(request=request, actor=world.coordinator, reason="Fel datum.")
    assert (request.status, request.reason) == (RequestStatus.RETURNED, "Fel datum.")
    later = START + dt.timedelta(days=14)
    request = request_update(request=request, actor=world.manager, valid_from=later)
    assert request.signature is None
    _through_sas(world, request, world.manager)
    [grant] = _grants(world.employee, "heromarapportor")
    assert grant.valid_from == later


def test_end_request_sets_the_last_day(world):
    held = GrantFactory(person=world.employee, role=role("heromarapportor"), units=[world.unit])
    request = draft(world.manager, world.employee, "heromarapportor", world.unit, kind="end")
    assert request.grant == held
    _through_sas(world, request, world.manager)
    held.refresh_from_db()
    assert held.valid_to == START


def test_manager_link_on_change_of_manager(world):
    """Prepared by the business-area contact, signed by the manager of the parent unit."""
    newcomer = PersonFactory(unit=world.unit)
    request = draft(world.contact, newcomer, None, world.unit, kind="manager_link")
    with pytest.raises(DomainError):
        requests_sign(requests=[request], actor=world.manager, password=PASSWORD)
    _through_sas(world, request, world.head)
    links = ManagerLink.objects.filter(unit=world.unit).order_by("valid_from")
    assert [(link.manager, link.valid_to) for link in links] == [
        (world.manager.person, START - dt.timedelta(days=1)),
        (newcomer, None),
    ]


def test_interim_chef_webb_is_replaced_by_chef(world):
    """The manager's own role is signed by the manager above them."""
    me = world.manager.person
    interim = GrantFactory(person=me, role=role("chef-webb"), units=[world.unit])
    GrantFactory(person=world.employee, role=role("heromarapportor"), units=[world.unit])
    completed(me, "intro", "for-chefer", "chef-webb", "kurs-chef")
    request = draft(world.manager, me, "chef", world.unit, kind="change")
    assert request.grant == interim
    _through_sas(world, request, world.head)
    interim.refresh_from_db()
    assert interim.valid_to == START - dt.timedelta(days=1)
    assert [g.valid_from for g in _grants(me, "chef")] == [START]


def test_upgrade_asks_only_for_the_half_day_course(world):
    support = GrantFactory(
        person=world.employee, role=role("administrativt-stod"), units=[world.unit]
    )
    completed(world.employee, "intro", "for-chefer", "personaloversikt", "kurs-uppgradering")
    request = draft(world.manager, world.employee, "heromarapportor", world.unit, kind="change")
    assert request.grant == support
    _through_sas(world, request, world.manager)
    support.refresh_from_db()
    assert support.valid_to == START - dt.timedelta(days=1)
    assert len(_grants(world.employee, "heromarapportor")) == 1


def test_request_waits_for_its_course_and_resumes(world):
    """On the default route the form goes at course booking and waits at the last stage."""
    person = world.other_employee
    completed(person, "intro", "personaloversikt")
    BookingFactory(person=person, course=role("heromarapportor").classroom_course)
    request = draft(world.other_manager, person, "heromarapportor", world.other_unit)
    [request] = requests_sign(requests=[request], actor=world.other_manager, password=PASSWORD)
    assert (request.status, request.stage) == (RequestStatus.WAITING_FOR_TRAINING, 1)
    with pytest.raises(Conflict):
        request_carry_out(request=request, actor=world.specialist)
    assert requests_resume_after_training(person_ids=[person.pk]) == []
    completed(person, "kurs-heromarapportor", on=dt.date(2026, 11, 20))
    [request] = requests_resume_after_training(person_ids=[person.pk])
    assert (request.status, request.stage) == (RequestStatus.IN_REVIEW, 1)
    request_carry_out(request=request, actor=world.specialist)
    assert len(_grants(person, "heromarapportor")) == 1


def test_sas_refuses_to_sign_before_the_course_is_done(world):
    completed(world.employee, "intro", "for-chefer")
    BookingFactory(person=world.employee, course=role("heromarapportor").classroom_course)
    request = draft(world.manager, world.employee, "heromarapportor", world.unit)
    with pytest.raises(DomainError) as refused:
        requests_sign(requests=[request], actor=world.manager, password=PASSWORD)
    assert refused.value.code == "training_not_done"
    request.refresh_from_db()
    assert request.status == RequestStatus.DRAFT


def test_not_eligible_is_refused_with_the_reasons(world):
    with pytest.raises(DomainError) as refused:
        draft(world.manager, world.employee, "heromarapportor", world.unit)
    assert refused.value.code == "not_eligible"
    assert {"course_missing"} <= {r["code"] for r in refused.value.reasons}
    assert not world.employee.access_requests.exists()


def test_the_completions_import_moves_a_waiting_request_on(world, tmp_path):
    person = world.other_employee
    completed(person, "intro", "personaloversikt")
    BookingFactory(person=person, course=role("heromarapportor").classroom_course)
    request = draft(world.other_manager, person, "heromarapportor", world.other_unit)
    requests_sign(requests=[request], actor=world.other_manager, password=PASSWORD)
    csv = tmp_path / "completions.csv"
    csv.write_text(
        f"employee_id,course_code,status,date\n{person.employee_id},kurs-heromarapportor,"
        "completed,2026-11-20\n",
        encoding="utf-8",
    )
    call_command("import", "completions", str(csv))
    request.refresh_from_db()
    assert (request.status, request.stage) == (RequestStatus.IN_REVIEW, 1)
    assert events_for(request).filter(action="request_resumed", actor=None).exists()
