"""Attacks on the request flow through the API, each refused and leaving nothing behind.

No one acts on their own access, nor approves what they prepared or signed;
every unit of a request is checked; signing passwords are throttled.
"""

import datetime as dt

import pytest
from django.conf import settings
from django.utils import timezone

from rollkoll.audit.models import Event
from rollkoll.org.models import AppRole, AppRoleKind
from rollkoll.requests.models import AccessRequest, RequestStatus
from rollkoll.requests.selectors import holders_now, queue_of, responsible_signers
from tests.factories import PASSWORD, DelegationFactory, UserFactory
from tests.requests.api.world import act, client_for, everything
from tests.requests.flow import START, completed

pytestmark = pytest.mark.django_db

COURSES = ("intro", "for-chefer", "kurs-heromarapportor")


def apply(user, person, units, kind="grant", role="heromarapportor"):
    body = {
        "kind": kind,
        "employee_id": person.employee_id,
        "role": role,
        "units": [unit.code for unit in units],
        "valid_from": START.isoformat(),
    }
    return client_for(user).post("/api/v1/requests/", body, format="json")


def created(user, person, units, **form):
    response = apply(user, person, units, **form)
    assert response.status_code == 201, response.content
    return response.json()["id"]


def refused(user, request_id, name, status, code, **body):
    before = everything(request_id)
    response = act(client_for(user), request_id, name, **body)
    assert (response.status_code, response.json()["error"]) == (status, code), response.content
    assert everything(request_id) == before


def signed(world, person, unit, preparer=None, signer=None):
    request_id = created(preparer or world.manager, person, [unit])
    response = act(client_for(signer or world.manager), request_id, "sign", password=PASSWORD)
    assert response.status_code == 200, response.content
    return request_id


# 1. No one acts on their own access


def test_a_manager_named_deputy_of_the_manager_above_cannot_sign_for_themself(world):
    me = world.manager
    completed(me.person, *COURSES)
    DelegationFactory(person=world.head.person, deputy=me.person)
    request_id = created(me, me.person, [world.unit])
    assert me.person.pk not in responsible_signers(AccessRequest.objects.get(pk=request_id))
    refused(me, request_id, "sign", 403, "own_access", password=PASSWORD)
    response = act(client_for(world.head), request_id, "sign", password=PASSWORD)
    assert response.json()["status"] == RequestStatus.IN_REVIEW


def test_a_coordinator_cannot_approve_a_request_about_themself(world):
    subject = world.coordinator
    completed(subject.person, *COURSES)
    request_id = signed(world, subject.person, world.parent, world.head, world.head)
    form = AccessRequest.objects.get(pk=request_id)
    assert form not in queue_of(subject)
    assert subject.person not in [holder.person for holder in holders_now(form)]
    refused(subject, request_id, "approve", 403, "own_access")
    refused(subject, request_id, "reject", 403, "own_access", reason="Nej.")
    assert act(client_for(world.coordinator2), request_id, "approve").status_code == 200


def test_specialist_support_cannot_carry_out_a_request_about_themself(world):
    subject = world.specialist
    completed(subject.person, "intro", "personaloversikt", "kurs-heromarapportor")
    request_id = signed(
        world, subject.person, world.other_unit, world.other_manager, world.other_manager
    )
    refused(subject, request_id, "carry-out", 403, "own_access")
    colleague = UserFactory(app_roles=["specialist"])
    assert act(client_for(colleague), request_id, "carry-out").json()["status"] == "completed"


def test_the_preparer_does_not_approve_what_they_prepared(world):
    preparer = world.contact
    AppRole.objects.create(user=preparer, kind=AppRoleKind.COORDINATOR, organisation=world.sas)
    completed(world.employee, *COURSES)
    request_id = signed(world, world.employee, world.unit, preparer=preparer)
    assert AccessRequest.objects.get(pk=request_id) not in queue_of(preparer)
    assert AccessRequest.objects.get(pk=request_id) in queue_of(world.coordinator)
    refused(preparer, request_id, "approve", 403, "four_eyes")
    assert act(client_for(world.coordinator), request_id, "approve").status_code == 200


# 2. Every unit on a request is checked


def units_refused(user, person, units, reasons, **form):
    before = everything()
    response = apply(user, person, units, **form)
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["error"] == "units_not_allowed"
    assert [(r["unit"], r["code"]) for r in body["reasons"]] == reasons
    assert all(r["message"] for r in body["reasons"])
    assert everything() == before


def test_a_request_may_not_name_a_unit_of_another_organisation(world):
    completed(world.employee, *COURSES)
    units_refused(
        world.manager,
        world.employee,
        [world.unit, world.other_unit],
        [(world.other_unit.code, "unit_other_organisation")],
    )


def test_a_manager_may_not_link_themself_to_another_organisations_unit(world):
    units_refused(
        world.manager,
        world.manager.person,
        [world.other_unit],
        [(world.other_unit.code, "unit_out_of_reach")],
        kind="manager_link",
        role=None,
    )


def test_a_request_may_not_name_a_unit_above_the_preparers_reach(world):
    completed(world.employee, *COURSES)
    units_refused(
        world.manager, world.employee, [world.parent], [(world.parent.code, "unit_out_of_reach")]
    )


def test_the_units_are_checked_again_at_signing(world):
    completed(world.employee, *COURSES)
    request_id = created(world.manager, world.employee, [world.unit])
    AccessRequest.objects.get(pk=request_id).units.add(world.other_unit)
    refused(world.manager, request_id, "sign", 400, "units_not_allowed", password=PASSWORD)


# 3. Signing re-authentication is throttled like sign-in


def failures():
    return Event.objects.filter(action="request_sign_failed").count()


@pytest.fixture
def drafts(world):
    completed(world.employee, *COURSES)
    return [created(world.manager, world.employee, [world.unit]) for _ in range(2)]


def test_wrong_signing_passwords_lock_signing_until_the_cool_off_passes(world, drafts, monkeypatch):
    manager = client_for(world.manager)
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = act(manager, drafts[0], "sign", password="guess")
        assert response.json()["error"] == "reauth_failed"
    assert failures() == settings.AXES_FAILURE_LIMIT

    before = everything(drafts[0])
    for request_id, body in [(drafts[0], {"password": PASSWORD}), (drafts[1], {"password": "x"})]:
        response = act(manager, request_id, "sign", **body)
        assert (response.status_code, response.json()["error"]) == (429, "signing_locked")
        assert int(response["Retry-After"]) > 0
    bulk = manager.post(
        "/api/v1/requests/sign/", {"ids": drafts, "password": PASSWORD}, format="json"
    )
    assert (bulk.status_code, bulk.json()["error"]) == (429, "signing_locked")
    assert everything(drafts[0]) == before

    later = timezone.now() + dt.timedelta(hours=settings.AXES_COOLOFF_TIME, minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert act(manager, drafts[0], "sign", password=PASSWORD).json()["status"] == "in_review"


def test_wrong_passwords_to_bulk_sign_count_too(world, drafts):
    manager = client_for(world.manager)
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = manager.post(
            "/api/v1/requests/sign/", {"ids": drafts, "password": "guess"}, format="json"
        )
        assert response.json()["error"] == "reauth_failed"
    assert failures() == settings.AXES_FAILURE_LIMIT
    response = act(manager, drafts[0], "sign", password=PASSWORD)
    assert (response.status_code, response.json()["error"]) == (429, "signing_locked")


def test_another_signers_failures_do_not_lock_this_one(world, drafts):
    completed(world.other_employee, "intro", "personaloversikt", "kurs-heromarapportor")
    elsewhere = created(world.other_manager, world.other_employee, [world.other_unit])
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        act(client_for(world.other_manager), elsewhere, "sign", password="guess")
    assert failures() == settings.AXES_FAILURE_LIMIT
    assert act(client_for(world.manager), drafts[0], "sign", password=PASSWORD).status_code == 200
