"""Signing: re-authentication, who may sign, the frozen snapshot and its hash."""

import datetime as dt
import hashlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rollkoll.errors import Conflict, DomainError, NotPermitted
from rollkoll.requests.models import RequestStatus, Signature
from rollkoll.requests.services import request_return, request_update, requests_sign
from rollkoll.requests.signing import canonical_snapshot, request_content, sha256
from rollkoll.training.models import Completion
from tests.factories import PASSWORD, DelegationFactory, PersonFactory, UserFactory
from tests.requests.flow import completed, draft


@pytest.fixture
def ready(world):
    """Two SÄS employees on the ward, each with the training for Heromarapportör."""
    second = PersonFactory(unit=world.unit)
    for person in (world.employee, second):
        completed(person, "intro", "for-chefer", "kurs-heromarapportor")
    return [
        draft(world.manager, p, "heromarapportor", world.unit) for p in (world.employee, second)
    ]


def test_wrong_password_signs_nothing(world, ready):
    with pytest.raises(NotPermitted) as refused:
        requests_sign(requests=ready[:1], actor=world.manager, password="not-the-password")
    assert refused.value.code == "reauth_failed"
    ready[0].refresh_from_db()
    assert (ready[0].status, ready[0].signature) == (RequestStatus.DRAFT, None)
    assert not Signature.objects.exists()


def test_one_act_signs_several_forms_of_one_unit(world, ready):
    signed = requests_sign(requests=ready, actor=world.manager, password=PASSWORD)
    assert {r.status for r in signed} == {RequestStatus.IN_REVIEW}
    assert len({r.signature_id for r in signed}) == 1
    document = json.loads(signed[0].signature.snapshot)
    assert [r["id"] for r in document["requests"]] == sorted(r.pk for r in ready)


def test_forms_of_different_people_and_units_are_signed_apart(world, ready):
    completed(world.other_employee, "intro", "personaloversikt", "kurs-heromarapportor")
    elsewhere = draft(
        world.other_manager, world.other_employee, "heromarapportor", world.other_unit
    )
    DelegationFactory(
        person=world.other_manager.person,
        deputy=world.manager.person,
        valid_from=dt.date(2026, 1, 1),
    )
    with pytest.raises(DomainError) as refused:
        requests_sign(requests=[ready[0], elsewhere], actor=world.manager, password=PASSWORD)
    assert refused.value.code == "mixed_signing"


def test_the_snapshot_names_the_signer_and_capacity_and_its_hash_is_stable(world, ready):
    [request] = requests_sign(requests=ready[:1], actor=world.manager, password=PASSWORD)
    signature = request.signature
    document = json.loads(signature.snapshot)
    assert document["signer"] == {
        "name": world.manager.person.full_name,
        "capacity": f"Ansvarig chef för {world.unit}",
    }
    assert document["method"] == "password"
    assert document["requests"] == [request_content(request)]
    assert signature.sha256 == hashlib.sha256(signature.snapshot.encode()).hexdigest()
    again = canonical_snapshot(
        requests=[request],
        signer_name=signature.signer_name,
        signer_capacity=signature.signer_capacity,
        signed_at=signature.signed_at,
        method=signature.method,
    )
    assert again == signature.snapshot
    other_capacity = canonical_snapshot(
        requests=[request],
        signer_name=signature.signer_name,
        signer_capacity="Någon annan",
        signed_at=signature.signed_at,
        method=signature.method,
    )
    assert other_capacity != signature.snapshot


def test_an_edit_invalidates_the_signature(world, ready):
    [request] = requests_sign(requests=ready[:1], actor=world.manager, password=PASSWORD)
    signature = request.signature
    with pytest.raises(Conflict):
        request_update(request=request, actor=world.manager, comment="Ändrad")
    request = request_return(request=request, actor=world.coordinator, reason="Komplettera.")
    assert request.signature == signature
    request = request_update(request=request, actor=world.manager, comment="Kompletterad")
    assert request.signature is None
    assert Signature.objects.filter(pk=signature.pk).exists()


def test_only_the_responsible_manager_or_deputy_signs(world, ready):
    for stranger in (world.coordinator, world.contact, world.head, world.other_manager):
        with pytest.raises(NotPermitted):
            requests_sign(requests=ready[:1], actor=stranger, password=PASSWORD)
    deputy = UserFactory(person=PersonFactory(unit=world.parent))
    DelegationFactory(
        person=world.manager.person, deputy=deputy.person, valid_from=dt.date(2026, 1, 1)
    )
    [request] = requests_sign(requests=ready[:1], actor=deputy, password=PASSWORD)
    assert request.signature.signer_capacity == (
        f"Ersättare för {world.manager.person.full_name}, ansvarig chef för {world.unit}"
    )


def test_a_person_never_signs_their_own_form(world):
    me = world.manager.person
    completed(me, "intro", "for-chefer", "kurs-heromarapportor")
    request = draft(world.manager, me, "heromarapportor", world.unit)
    with pytest.raises(NotPermitted):
        requests_sign(requests=[request], actor=world.manager, password=PASSWORD)
    [request] = requests_sign(requests=[request], actor=world.head, password=PASSWORD)
    assert request.signature.signer_capacity == f"Ansvarig chef för {world.parent}"


def test_signing_checks_eligibility_again(world, ready):
    Completion.objects.filter(person=world.employee, course__code="intro").delete()
    with pytest.raises(DomainError) as refused:
        requests_sign(requests=ready[:1], actor=world.manager, password=PASSWORD)
    assert refused.value.code == "not_eligible"
    assert "course_missing" in {reason["code"] for reason in refused.value.reasons}


def test_a_pending_request_on_the_unit_satisfies_a_needed_role(world, ready):
    """Chef webb needs a Heromarapportör on the unit: the draft for one is enough."""
    newcomer = PersonFactory(unit=world.unit)
    completed(newcomer, "intro", "for-chefer", "chef-webb")
    interim = draft(world.manager, newcomer, "chef-webb", world.unit)
    signed = requests_sign(requests=[ready[0], interim], actor=world.manager, password=PASSWORD)
    assert {r.status for r in signed} == {RequestStatus.IN_REVIEW}


def test_without_a_heromarapportor_on_the_unit_chef_webb_is_refused(world):
    newcomer = PersonFactory(unit=world.unit)
    completed(newcomer, "intro", "for-chefer", "chef-webb")
    with pytest.raises(DomainError) as refused:
        draft(world.manager, newcomer, "chef-webb", world.unit)
    assert "needs_role_on_unit" in {reason["code"] for reason in refused.value.reasons}


@given(
    name=st.text(min_size=1),
    capacity=st.text(min_size=1),
    other=st.text(min_size=1),
    at=st.datetimes(timezones=st.just(dt.UTC)),
)
def test_the_signed_text_is_canonical_and_personal(name, capacity, other, at):
    """Any signer name and capacity round-trip exactly and change the hash."""
    text = canonical_snapshot(
        requests=[], signer_name=name, signer_capacity=capacity, signed_at=at, method="password"
    )
    assert json.loads(text)["signer"] == {"name": name, "capacity": capacity}
    assert text == json.dumps(
        json.loads(text), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    if other != capacity:
        changed = canonical_snapshot(
            requests=[], signer_name=name, signer_capacity=other, signed_at=at, method="password"
        )
        assert sha256(changed) != sha256(text)
