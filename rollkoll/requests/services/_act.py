"""What every act on a request shares: locking, the workflow guard, audit and outbox.

An act locks the request row (`select_for_update`), asks `workflow.decide`
whether the actor may take it now, changes the state, and writes one audit
event and its notifications, all inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from rollkoll.audit.services import record
from rollkoll.catalog.models import ApprovalStage
from rollkoll.errors import Conflict, NotPermitted
from rollkoll.notify.calendar import add_working_days
from rollkoll.notify.models import Kind
from rollkoll.notify.services import notify
from rollkoll.org.models import Person, User
from rollkoll.requests import selectors, workflow
from rollkoll.requests.models import AccessRequest, RequestStatus


def locked(request: AccessRequest) -> AccessRequest:
    """The request, re-read under a row lock: decisions use what is committed now."""
    return (
        AccessRequest.objects.select_for_update(of=("self",))
        .select_related("person__unit__business_area", "organisation", "route", "role", "grant")
        .get(pk=request.pk)
    )


def guard(act: workflow.Act, request: AccessRequest, actor: User | None) -> workflow.Decision:
    """Refuse with 403 or 409 unless the actor may take the act now."""
    decision = workflow.decide(
        act, selectors.position_of(request), selectors.actor_facts(actor, request)
    )
    if decision.outcome is workflow.Outcome.FORBIDDEN:
        raise NotPermitted(_("Du får inte göra detta med blanketten."))
    if decision.outcome is workflow.Outcome.MOVED_ON:
        raise _not_now(act, request)
    return decision


def _not_now(act: workflow.Act, request: AccessRequest) -> Conflict:
    """Why the act cannot be taken now: only drafts are edited, the form is not
    signed yet, or it has moved on."""
    status = {"status": request.get_status_display().lower()}
    if act is workflow.Act.EDIT:
        return Conflict(
            _("Bara utkast och återskickade blanketter kan ändras (den här: %(status)s).") % status,
            code="not_editable",
        )
    if request.status in (RequestStatus.DRAFT, RequestStatus.RETURNED):
        text = _("Blanketten är inte signerad (%(status)s) och kan inte hanteras så ännu.")
    else:
        text = _("Blanketten har gått vidare (%(status)s) och kan inte längre hanteras så.")
    return Conflict(text % status, code="moved_on")


def state(request: AccessRequest) -> dict[str, Any]:
    """The request as the audit log records it, before and after an act."""
    return {
        "kind": request.kind,
        "status": request.status,
        "stage": request.stage,
        "employee_id": request.person.employee_id,
        "role": request.role.code if request.role else None,
        "units": sorted(unit.code for unit in request.units.all()),
        "valid_from": request.valid_from.isoformat(),
        "comment": request.comment,
        "grant": request.grant_id,
        "signature": request.signature.sha256 if request.signature else None,
        "reason": request.reason,
    }


def audit(
    action: str, request: AccessRequest, actor: User | None, before: dict[str, Any] | None
) -> None:
    record(
        actor=actor, action=f"request_{action}", target=request, before=before, after=state(request)
    )


def _address(who: Person | User | None) -> str:
    """A person's work address; for an account, that of its person, else its own."""
    if isinstance(who, User):
        return (who.person.email if who.person else "") or who.email
    return who.email if who is not None else ""


def send(kind: str, request: AccessRequest, people: Iterable[Person | User | None]) -> None:
    """Notify each person once, by their work address; those without one are skipped."""
    addresses = sorted({address for who in people if (address := _address(who))})
    if addresses:
        notify(recipients=addresses, kind=kind, link=request.get_absolute_url())


def enter_stage(
    request: AccessRequest, stage: ApprovalStage, now: dt.datetime | None = None
) -> None:
    """Put the request at a stage of its route, due after the stage's SLA in working days."""
    request.route = stage.route
    request.stage = stage.position
    request.stage_entered_at = now or timezone.now()
    request.stage_due = add_working_days(
        timezone.localdate(request.stage_entered_at), stage.sla_working_days
    )
    request.reminder_level = 0
    request.reminded_on = None


def queue_holders(request: AccessRequest) -> list[Person | User | None]:
    return [holder.person or holder.user for holder in selectors.holders_now(request)]


def announce_stage(request: AccessRequest) -> None:
    """Tell the stage's holders a request is in their queue (unless it waits for a course)."""
    if request.status == RequestStatus.IN_REVIEW:
        send(Kind.REQUEST_IN_QUEUE, request, queue_holders(request))
