"""Signing: one act for one or more forms of one person or one unit.

The responsible manager re-authenticates through a signing method; each form
is checked by the engine again (`not_eligible` is refused; `pending_training`
only where the organisation lets the form go at course booking). One
`Signature` freezes the canonical snapshot of all the forms, with the
signer's name and capacity, and each form goes to stage 1 of its route; a
form whose first stage is the last and whose training is pending waits in
`waiting_for_training` instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rollkoll.catalog.models import ApprovalStage
from rollkoll.catalog.rules import Verdict
from rollkoll.errors import DomainError, NotPermitted
from rollkoll.org.models import User
from rollkoll.requests import eligibility, selectors, signing, workflow
from rollkoll.requests.models import AccessRequest, RequestStatus, Signature
from rollkoll.requests.services import _act
from rollkoll.requests.services.drafts import check_eligible


def _lock_all(requests: Sequence[AccessRequest]) -> list[AccessRequest]:
    """Lock in primary-key order, so two signers of overlapping sets cannot deadlock."""
    return [_act.locked(r) for r in sorted(requests, key=lambda r: r.pk)]


def _one_person_or_unit(requests: list[AccessRequest]) -> None:
    people = {r.person_id for r in requests}
    unit_sets = [{u.pk for u in r.units.all()} | {r.person.unit_id} for r in requests]
    if len(people) > 1 and not set.intersection(*unit_sets):
        raise DomainError(
            _("Blanketter som undertecknas tillsammans ska gälla en person eller ett ansvar."),
            code="mixed_signing",
        )


def _first_stage(request: AccessRequest) -> tuple[ApprovalStage, bool]:
    stages = selectors.stages_of(selectors.route_for(request.organisation))
    if not stages:
        raise DomainError(_("Organisationen har ingen beslutsväg."), code="no_route")
    return stages[0], len(stages) == 1


def _training_allows(request: AccessRequest, verdict: Verdict | None) -> bool:
    """Pending training may be signed only where the form goes at course booking."""
    if verdict != Verdict.PENDING_TRAINING:
        return False
    if not selectors.form_goes_at_booking(request.organisation):
        raise DomainError(
            _("Blanketten kan undertecknas först när utbildningen är genomförd."),
            code="training_not_done",
        )
    return True


@transaction.atomic
def requests_sign(
    *,
    requests: Sequence[AccessRequest],
    actor: User,
    password: str,
    method: signing.SigningMethod | None = None,
) -> list[AccessRequest]:
    """Sign the forms in one act and send them on their routes."""
    if not requests:
        raise DomainError(_("Välj minst en blankett."), code="nothing_to_sign")
    locked = _lock_all(requests)
    capacities = [selectors.responsible_signers(r) for r in locked]
    for request in locked:
        _act.guard(workflow.Act.SIGN, request, actor)
    _one_person_or_unit(locked)
    method = method or signing.PasswordSigning()
    if actor.person is None or not method.verify(user=actor, credential=password):
        raise NotPermitted(
            _("Fel lösenord. Blanketten är inte undertecknad."), code="reauth_failed"
        )
    together = eligibility.counted_requests(together=[r.pk for r in locked])
    waiting = {
        r.pk: _training_allows(r, check_eligible(r, counted=together, signing=True)) for r in locked
    }
    signature = _signature(locked, actor, method.name, capacities[0][actor.person.pk])
    for request in locked:
        _send_on(request, actor, signature, waits=waiting[request.pk])
    return locked


def _signature(requests: list[AccessRequest], actor: User, method: str, capacity: str) -> Signature:
    assert actor.person is not None
    signed_at = timezone.now()
    snapshot = signing.canonical_snapshot(
        requests=requests,
        signer_name=actor.person.full_name,
        signer_capacity=capacity,
        signed_at=signed_at,
        method=method,
    )
    return Signature.objects.create(
        signer=actor,
        signer_person=actor.person,
        signer_name=actor.person.full_name,
        signer_capacity=capacity,
        method=method,
        signed_at=signed_at,
        snapshot=snapshot,
        sha256=signing.sha256(snapshot),
    )


def _send_on(request: AccessRequest, actor: User, signature: Signature, *, waits: bool) -> None:
    before = _act.state(request)
    stage, is_last = _first_stage(request)
    _act.enter_stage(request, stage, signature.signed_at)
    request.status = (
        RequestStatus.WAITING_FOR_TRAINING if waits and is_last else RequestStatus.IN_REVIEW
    )
    request.signature = signature
    request.save()
    _act.audit("signed", request, actor, before)
    _act.announce_stage(request)
