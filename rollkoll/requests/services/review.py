"""Acts on a signed form: approve, return, reject, carry out, withdraw, resume.

Approving moves the form to the next stage of its route. A form entering the
last stage while its engine verdict is still `pending_training` waits in
`waiting_for_training`; the completions import resumes it
(`requests_resume_after_training`). Carrying out, at the last stage, writes
the register through `register.services` in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rollkoll.catalog.reasons import Code
from rollkoll.catalog.rules import Verdict
from rollkoll.errors import Conflict, DomainError
from rollkoll.notify.models import Kind
from rollkoll.org.models import User
from rollkoll.register import services as register
from rollkoll.requests import eligibility, selectors, workflow
from rollkoll.requests.models import AccessRequest, RequestKind, RequestStatus
from rollkoll.requests.services import _act
from rollkoll.requests.services.drafts import check_eligible
from rollkoll.requests.waiting import awaited_courses

CARRY_OUT: dict[str, Callable[..., Any]] = {
    RequestKind.GRANT: register.grant_start,
    RequestKind.CHANGE: register.grant_change,
    RequestKind.END: register.grant_end,
    RequestKind.MANAGER_LINK: register.manager_link_replace,
}


@transaction.atomic
def request_approve(*, request: AccessRequest, actor: User) -> AccessRequest:
    """Pass the current stage: on to the next, or wait there for the course."""
    request = _act.locked(request)
    _act.guard(workflow.Act.APPROVE, request, actor)
    before = _act.state(request)
    stages = selectors.stages_of(request.route)
    following = next(s for s in stages if s.position > (request.stage or 0))
    _act.enter_stage(request, following)
    if following == stages[-1] and check_eligible(request) == Verdict.PENDING_TRAINING:
        request.status = RequestStatus.WAITING_FOR_TRAINING
    request.save()
    _act.audit("approved", request, actor, before)
    _act.announce_stage(request)
    return request


def _reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Skriv en motivering."), code="reason_missing")
    return reason


def _close(
    act: workflow.Act, status: str, request: AccessRequest, actor: User, reason: str = ""
) -> AccessRequest:
    request = _act.locked(request)
    _act.guard(act, request, actor)
    before = _act.state(request)
    request.status = status
    request.reason = reason or request.reason
    request.save()
    _act.audit(status, request, actor, before)
    return request


@transaction.atomic
def request_return(*, request: AccessRequest, actor: User, reason: str) -> AccessRequest:
    """Send the form back to the requester, who edits it and has it signed again."""
    request = _close(workflow.Act.RETURN, RequestStatus.RETURNED, request, actor, _reason(reason))
    _act.send(Kind.REQUEST_RETURNED, request, [request.requested_by])
    return request


@transaction.atomic
def request_reject(*, request: AccessRequest, actor: User, reason: str) -> AccessRequest:
    request = _close(workflow.Act.REJECT, RequestStatus.REJECTED, request, actor, _reason(reason))
    _act.send(Kind.REQUEST_REJECTED, request, [request.requested_by])
    _return_dependents(request)
    return request


@transaction.atomic
def request_withdraw(*, request: AccessRequest, actor: User) -> AccessRequest:
    request = _close(workflow.Act.WITHDRAW, RequestStatus.WITHDRAWN, request, actor)
    _return_dependents(request)
    return request


def _return_dependents(closed: AccessRequest) -> None:
    """Return to their preparers the signed forms that counted on the closed one.

    A Chef webb signed because a Heromarapportör was applied for on the unit
    cannot be carried out once that form is rejected or withdrawn; it goes back
    with the reason, to be applied for again with another Heromarapportör.
    """
    if closed.role is None:
        return
    dependents = (
        AccessRequest.objects.filter(
            status__in=eligibility.SIGNED_UNDER_WAY,
            units__in=closed.units.all(),
            role__requires_on_unit=closed.role,
        )
        .distinct()
        .order_by("pk")
    )
    why = _("Ansökan om %(role)s, som rollen behöver på ansvaret, är %(status)s.") % {
        "role": closed.role.name,
        "status": closed.get_status_display().lower(),
    }
    for dependent in dependents:
        try:
            check_eligible(dependent)
        except DomainError as refused:
            if any(reason["code"] == Code.NEEDS_ROLE_ON_UNIT for reason in refused.reasons):
                _return_by_system(_act.locked(dependent), f"{why} {closed.reason}".strip())


def _return_by_system(request: AccessRequest, reason: str) -> None:
    _act.guard(workflow.Act.RETURN, request, None)
    before = _act.state(request)
    request.status = RequestStatus.RETURNED
    request.reason = reason
    request.save()
    _act.audit(RequestStatus.RETURNED, request, None, before)
    _act.send(Kind.REQUEST_RETURNED, request, [request.requested_by])


@transaction.atomic
def request_carry_out(*, request: AccessRequest, actor: User) -> AccessRequest:
    """Write the register and close the form; the requester and signer are told.

    The engine is asked once more: a course or a needed role may have gone
    since the form was signed. Now only the register counts: a role the unit
    needs must be held there from the start date, carried out before this one.
    """
    request = _act.locked(request)
    _act.guard(workflow.Act.CARRY_OUT, request, actor)
    if check_eligible(request, counted=AccessRequest.objects.none()) == Verdict.PENDING_TRAINING:
        raise _not_trained_yet(request)
    before = _act.state(request)
    CARRY_OUT[request.kind](request=request, actor=actor)
    request.status = RequestStatus.COMPLETED
    request.save()
    _act.audit("carried_out", request, actor, before)
    signer = request.signature.signer if request.signature else None
    _act.send(Kind.REQUEST_COMPLETED, request, [request.requested_by, signer])
    return request


def _not_trained_yet(request: AccessRequest) -> Conflict:
    courses = [
        _("%(course)s (bokad till %(date)s)") % {"course": c.name, "date": date_format(c.booked)}
        if c.booked
        else c.name
        for c in awaited_courses(request)
    ]
    return Conflict(
        _(
            "Kursen %(courses)s är inte genomförd ännu. Blanketten går vidare av sig själv "
            "när resultatet kommer från Lärportalen."
        )
        % {"courses": ", ".join(courses)},
        code="training_not_completed",
    )


@transaction.atomic
def requests_resume_after_training(*, person_ids: Iterable[int]) -> list[AccessRequest]:
    """Bring back to the last stage the waiting forms whose training is now done.

    Called by the completions import in its transaction, with the people whose
    completions changed (perhaps tens of thousands: the few waiting forms are
    matched against them in Python). A form is resumed when the engine says
    `eligible`; one still short of a course keeps waiting.
    """
    people = set(person_ids)
    waiting = AccessRequest.objects.filter(status=RequestStatus.WAITING_FOR_TRAINING)
    resumed = []
    for pk, person_id in waiting.order_by("pk").values_list("pk", "person_id"):
        if person_id not in people:
            continue
        request = _act.locked(AccessRequest(pk=pk))
        if request.status != RequestStatus.WAITING_FOR_TRAINING:
            continue
        if check_eligible(request) != Verdict.ELIGIBLE:
            continue
        _act.guard(workflow.Act.RESUME, request, None)
        stages = selectors.stages_of(request.route)
        before = _act.state(request)
        request.status = RequestStatus.IN_REVIEW
        _act.enter_stage(request, stages[-1])
        request.save()
        _act.audit("resumed", request, None, before)
        _act.announce_stage(request)
        resumed.append(request)
    return resumed
