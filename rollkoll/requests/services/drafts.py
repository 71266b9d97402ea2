"""Preparing a form: create a draft, edit a draft or a returned form.

Grant and change forms are checked against the eligibility engine: a form the
engine calls `not_eligible` is refused with its reasons. End forms and manager
links need no check. A change or end form is about one of the person's grants;
when none is named it is inferred from the grants running on the date: the
same role, a role the new one upgrades from, or the new role's interim role.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.db.models import QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rollkoll.catalog.models import Role
from rollkoll.catalog.reasons import Code
from rollkoll.catalog.rules import Decision, Verdict
from rollkoll.errors import DomainError, NotPermitted
from rollkoll.notify.models import Kind
from rollkoll.org.models import Organisation, Person, Unit, User
from rollkoll.register.models import Grant
from rollkoll.register.selectors import ended_before_it_starts
from rollkoll.requests import eligibility, selectors, workflow
from rollkoll.requests.models import AccessRequest, RequestKind
from rollkoll.requests.services import _act

ROLE_KINDS = (RequestKind.GRANT, RequestKind.CHANGE)


def check_eligible(
    request: AccessRequest,
    *,
    counted: QuerySet[AccessRequest] | None = None,
    signing: bool = False,
) -> Verdict | None:
    """The engine's verdict for a grant or change form; refuses `not_eligible`.

    `counted` are the forms whose roles count on the units (signed ones by
    default). When it is signed, a new grant that deviates from the
    organisation's role for the person's manager assignment must carry a
    justification.
    """
    if request.kind not in ROLE_KINDS or request.role is None:
        return None
    decision = eligibility.check(
        person=request.person,
        role=request.role.code,
        units=list(request.units.all()),
        on=request.valid_from,
        counted=counted,
    )
    if decision.verdict == Verdict.NOT_ELIGIBLE:
        raise DomainError(
            _("%(person)s kan inte få rollen %(role)s ännu.")
            % {"person": request.person.full_name, "role": request.role.name},
            code="not_eligible",
            reasons=eligibility.decision_json(decision)["reasons"],
        )
    _check_dates(request, request.role)
    if signing:
        _check_justified(request, decision)
    return Verdict(decision.verdict)


def _check_justified(request: AccessRequest, decision: Decision) -> None:
    deviation = [s for s in decision.suggestions if s.code == Code.MAPPING_DEVIATION]
    if deviation and request.kind == RequestKind.GRANT and not request.justification.strip():
        raise DomainError(
            _("Skriv en motivering: %(person)s har ett chefsuppdrag som hör till rollen %(role)s.")
            % {"person": request.person.full_name, "role": deviation[0].params["mapped"]},
            code="mapping_deviation",
            reasons=[
                s
                for s in eligibility.decision_json(decision)["suggestions"]
                if s["code"] == Code.MAPPING_DEVIATION
            ],
        )


def _check_dates(request: AccessRequest, role: Role) -> None:
    """Refuse now what carrying out would refuse: ending a grant before it starts."""
    later = ended_before_it_starts(
        person=request.person, role=role, valid_from=request.valid_from, grant=request.grant
    )
    if later is not None:
        raise DomainError(
            _("%(role)s börjar först %(start)s; välj ett startdatum efter det.")
            % {"role": later.role.name, "start": date_format(later.valid_from)},
            code="replaced_starts_later",
        )


def _candidate_roles(kind: str, role: Role) -> list[Role]:
    if kind == RequestKind.END:
        return [role]
    sources = [path.from_role for path in role.upgraded_from.select_related("from_role")]
    return [role, *sources, *([role.interim_role] if role.interim_role else [])]


def infer_grant(*, kind: str, person: Person, role: Role | None, on: dt.date) -> Grant | None:
    """The running grant a change or end form is about, or None for other kinds."""
    if kind not in (RequestKind.CHANGE, RequestKind.END) or role is None:
        return None
    running = (
        Grant.objects.filter(person=person).exclude(valid_to__lt=on).filter(valid_from__lte=on)
    )
    for candidate in _candidate_roles(kind, role):
        grant = running.filter(role=candidate).order_by("-valid_from").first()
        if grant is not None:
            return grant
    raise DomainError(
        _("%(person)s har ingen gällande behörighet att ändra eller avsluta.")
        % {"person": person.full_name},
        code="no_grant",
    )


def _validate(kind: str, role: Role | None, units: Sequence[Unit]) -> None:
    if kind not in RequestKind.values:
        raise DomainError(_("Okänd typ av blankett."), code="invalid_kind")
    if (kind == RequestKind.MANAGER_LINK) != (role is None):
        raise DomainError(
            _("Ange en roll, utom för chefskoppling som inte har någon."), code="invalid_role"
        )
    if not units:
        raise DomainError(_("Ange minst ett ansvar."), code="units_missing")


def _organisation_of(kind: str, person: Person, units: Sequence[Unit]) -> Organisation:
    """A manager link follows the units it links; any other form, the person's unit."""
    return units[0].organisation if kind == RequestKind.MANAGER_LINK else person.unit.organisation


@transaction.atomic
def request_create(
    *,
    actor: User,
    kind: str,
    person: Person,
    role: Role | None,
    units: Sequence[Unit],
    valid_from: dt.date,
    comment: str = "",
    justification: str = "",
    grant: Grant | None = None,
) -> AccessRequest:
    """Prepare a draft form; the responsible manager is told when someone else prepared it."""
    _validate(kind, role, units)
    request = AccessRequest(
        kind=kind,
        person=person,
        role=role,
        valid_from=valid_from,
        comment=comment,
        justification=justification,
        grant=grant or infer_grant(kind=kind, person=person, role=role, on=valid_from),
        organisation=_organisation_of(kind, person, units),
        requested_by=actor,
    )
    request.save()
    request.units.set(units)
    if not selectors.may_prepare(actor, request):
        raise NotPermitted(_("Du får inte göra blanketter för den här personen."))
    check_eligible(request, counted=eligibility.counted_requests(drafts_of=request.requested_by))
    _act.audit("created", request, actor, None)
    signers = selectors.responsible_signers(request)
    if actor.person_id not in signers:
        _act.send(Kind.REQUEST_TO_SIGN, request, Person.objects.filter(pk__in=signers))
    return request


@transaction.atomic
def request_update(
    *,
    request: AccessRequest,
    actor: User,
    role: Role | None = None,
    units: Sequence[Unit] | None = None,
    valid_from: dt.date | None = None,
    comment: str | None = None,
    justification: str | None = None,
    grant: Grant | None = None,
) -> AccessRequest:
    """Edit a draft or returned form; only the fields given change.

    The edited form is checked as a new one is (units, the engine, the dates),
    and any edit invalidates the signature it had: a returned form is signed
    again from where it stands, as the workflow table lets it.
    """
    request = _act.locked(request)
    _act.guard(workflow.Act.EDIT, request, actor)
    before = _act.state(request)
    if role is not None:
        request.role = role
    if valid_from is not None:
        request.valid_from = valid_from
    if comment is not None:
        request.comment = comment
    if justification is not None:
        request.justification = justification
    if units is not None:
        request.units.set(units)
    current_units = list(request.units.all())
    _validate(request.kind, request.role, current_units)
    request.organisation = _organisation_of(request.kind, request.person, current_units)
    if grant is not None or role is not None or valid_from is not None:
        request.grant = grant or infer_grant(
            kind=request.kind, person=request.person, role=request.role, on=request.valid_from
        )
    request.signature = None
    request.save()
    check_eligible(request, counted=eligibility.counted_requests(drafts_of=request.requested_by))
    _act.audit("edited", request, actor, before)
    return request
