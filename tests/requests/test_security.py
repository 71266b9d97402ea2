"""The security rules through the services: own access, four eyes, units, throttled signing."""

import pytest
from django.conf import settings
from django.utils import translation

from rollkoll.errors import DomainError, NotPermitted, Throttled
from rollkoll.org.models import AppRole, AppRoleKind
from rollkoll.requests.models import RequestStatus
from rollkoll.requests.services import (
    request_approve,
    request_carry_out,
    request_update,
    requests_sign,
)
from tests.factories import PASSWORD, DelegationFactory
from tests.requests.flow import completed, draft

COURSES = ("intro", "for-chefer", "kurs-heromarapportor")


def refused(error, code, call, **kwargs):
    with pytest.raises(error) as raised:
        call(**kwargs)
    assert raised.value.code == code
    return raised.value


def test_the_subject_signs_nothing_about_themself_even_as_deputy(world):
    me = world.manager
    completed(me.person, *COURSES)
    DelegationFactory(person=world.head.person, deputy=me.person)
    form = draft(me, me.person, "heromarapportor", world.unit)
    refused(NotPermitted, "own_access", requests_sign, requests=[form], actor=me, password=PASSWORD)
    form.refresh_from_db()
    assert form.status == RequestStatus.DRAFT


def test_the_preparer_and_signer_neither_approve_nor_carry_out(world):
    """The signer also holds the coordinator's stage and specialist support."""
    signer = world.manager
    AppRole.objects.create(user=signer, kind=AppRoleKind.COORDINATOR, organisation=world.sas)
    AppRole.objects.create(user=signer, kind=AppRoleKind.SPECIALIST)
    completed(world.employee, *COURSES)
    form = draft(signer, world.employee, "heromarapportor", world.unit)
    [form] = requests_sign(requests=[form], actor=signer, password=PASSWORD)
    refused(NotPermitted, "four_eyes", request_approve, request=form, actor=signer)
    form = request_approve(request=form, actor=world.coordinator)
    refused(NotPermitted, "four_eyes", request_carry_out, request=form, actor=signer)
    assert request_carry_out(request=form, actor=world.specialist).status == "completed"


def test_an_edit_may_not_add_a_unit_out_of_bounds(world):
    completed(world.employee, *COURSES)
    form = draft(world.manager, world.employee, "heromarapportor", world.unit)
    error = refused(
        DomainError,
        "units_not_allowed",
        request_update,
        request=form,
        actor=world.manager,
        units=[world.unit, world.other_unit, world.parent],
    )
    assert [(r["unit"], r["code"]) for r in error.reasons] == [
        (world.parent.code, "unit_out_of_reach"),
        (world.other_unit.code, "unit_other_organisation"),
    ]
    assert list(form.units.all()) == [world.unit]


def test_signing_locks_after_the_failure_limit(world):
    completed(world.employee, *COURSES)
    form = draft(world.manager, world.employee, "heromarapportor", world.unit)
    sign = {"requests": [form], "actor": world.manager}
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        refused(NotPermitted, "reauth_failed", requests_sign, **sign, password="guess")
    error = refused(Throttled, "signing_locked", requests_sign, **sign, password=PASSWORD)
    assert error.http_status == 429
    assert 3500 < error.retry_after <= 3600 + 1


def test_the_reasons_read_in_english(world):
    completed(world.employee, *COURSES)
    form = draft(world.manager, world.employee, "heromarapportor", world.unit)
    with translation.override("en"):
        error = refused(
            DomainError,
            "units_not_allowed",
            request_update,
            request=form,
            actor=world.manager,
            units=[world.other_unit],
        )
        tied = refused(
            NotPermitted, "four_eyes", request_approve, request=form, actor=world.manager
        )
    assert error.detail == "The form names units you may not apply for."
    assert error.reasons[0]["message"].startswith(f"{world.other_unit} belongs to another")
    assert tied.detail.startswith("You prepared or signed the form")
