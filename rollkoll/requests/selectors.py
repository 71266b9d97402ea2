"""Reads about requests: routes, who signs, who holds a stage, and the actor's capacities.

Who holds a stage: the members of its approver group (users with that app
role, for coordinator stages in the request's organisation). A member away
today (an active delegation) hands their queue to their deputy; the holders
are then the members at work and the deputies of those away.

Who signs (the responsible manager): the manager linked today to the person's
unit, or the deputy of that manager. A person never signs their own form: when
the person is the unit's manager, or the unit has no linked manager, it is the
manager of the parent unit, and so on up. For a manager link the walk starts
at the parent of each unit to link. Where no manager is found, the contact of
the unit's business area signs, since they keep the area's manager links.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from rollkoll.audit.models import Event
from rollkoll.audit.selectors import events_for
from rollkoll.catalog import rules
from rollkoll.catalog.models import ApprovalRoute, ApprovalStage
from rollkoll.catalog.selectors import policy_for
from rollkoll.org.models import (
    AppRole,
    AppRoleKind,
    BusinessArea,
    Delegation,
    ManagerLink,
    Organisation,
    Person,
    Unit,
    User,
    active_on,
)
from rollkoll.requests import workflow
from rollkoll.requests.models import AccessRequest, RequestKind, RequestStatus


def route_for(organisation: Organisation, on: dt.date | None = None) -> ApprovalRoute | None:
    """The organisation's approval route on the date: its own, else the default one."""
    return (
        ApprovalRoute.objects.filter(Q(organisation=organisation) | Q(organisation__isnull=True))
        .filter(active_on(on or timezone.localdate()))
        .order_by(F("organisation_id").asc(nulls_last=True), "-valid_from")
        .first()
    )


def form_goes_at_booking(organisation: Organisation, on: dt.date | None = None) -> bool:
    """Whether the organisation lets a signed form go once the course is booked."""
    return policy_for(organisation, on).form_timing is rules.FormTiming.AT_BOOKING


def stages_of(route: ApprovalRoute | None) -> list[ApprovalStage]:
    return list(route.stages.order_by("position")) if route else []


def request_route(request: AccessRequest) -> ApprovalRoute | None:
    """The route the request follows: fixed once signed, else the one it would take."""
    return request.route or route_for(request.organisation)


def current_stage(request: AccessRequest) -> ApprovalStage | None:
    if request.route is None or request.stage is None:
        return None
    return request.route.stages.filter(position=request.stage).first()


def stage_due(request: AccessRequest) -> dt.date | None:
    """The last working day of the current stage's SLA, set when the stage was entered."""
    return request.stage_due if request.stage is not None else None


def history_of(request: AccessRequest) -> QuerySet[Event]:
    """The request's audit events, oldest first, with their actors' people, in one query."""
    return events_for(request).select_related("actor__person")


def actor_name(event: Event) -> str:
    """Who took the act, by their name; the account name if it has no person."""
    person = event.actor.person if event.actor else None
    return person.full_name if person else event.actor_display


def event_reason(event: Event) -> str:
    """The reason this act gave (a return or a rejection), else empty."""
    given = (event.after or {}).get("reason") or ""
    return "" if given == (event.before or {}).get("reason") else str(given)


# Who holds a stage


def _group_members(stage: ApprovalStage, organisation: Organisation) -> list[User]:
    roles = Q(app_roles__kind=stage.approver_group)
    if stage.approver_group == AppRoleKind.COORDINATOR:
        roles &= Q(app_roles__organisation=organisation)
    return list(User.objects.filter(roles, is_active=True).select_related("person").distinct())


def _away_deputies(person_ids: Iterable[int], on: dt.date) -> dict[int, list[Person]]:
    """Deputies of the people away on the date, by the person away."""
    deputies: dict[int, list[Person]] = {}
    for delegation in (
        Delegation.objects.active_on(on).filter(person_id__in=person_ids).select_related("deputy")
    ):
        deputies.setdefault(delegation.person_id, []).append(delegation.deputy)
    return deputies


@dataclass(frozen=True)
class Holder:
    """Someone who holds a stage now; `deputy_for` names the away member they stand in for."""

    person: Person | None
    user: User | None
    deputy_for: Person | None = None

    @property
    def name(self) -> str:
        if self.person is not None:
            return self.person.full_name
        return self.user.get_full_name() or self.user.username if self.user else ""

    @property
    def email(self) -> str:
        return (self.person.email if self.person else "") or (self.user.email if self.user else "")


def stage_holders(
    stage: ApprovalStage, organisation: Organisation, on: dt.date | None = None
) -> list[Holder]:
    """Who holds the stage on the date: members at work, and deputies of those away."""
    members = _group_members(stage, organisation)
    away = _away_deputies([m.person_id for m in members if m.person_id], on or timezone.localdate())
    holders: list[Holder] = []
    for member in members:
        if member.person_id in away:
            holders += [
                Holder(person=deputy, user=None, deputy_for=member.person)
                for deputy in away[member.person_id]
            ]
        else:
            holders.append(Holder(person=member.person, user=member))
    return holders


def holders_now(request: AccessRequest, on: dt.date | None = None) -> list[Holder]:
    """Who holds the request now (or on the date), for pages, the API and reminders."""
    stage = current_stage(request)
    return stage_holders(stage, request.organisation, on) if stage else []


def deputies_of_stage(stage: ApprovalStage, organisation: Organisation) -> list[Person]:
    """Every deputy the stage's members have named, whether or not they are away now."""
    members = [m.person_id for m in _group_members(stage, organisation) if m.person_id]
    ids = Delegation.objects.filter(person_id__in=members).values("deputy_id")
    return list(Person.objects.filter(pk__in=ids))


def _holds(user: User, stage: ApprovalStage, organisation: Organisation, on: dt.date) -> bool:
    """Members may act, away or not; a deputy acts for a member away on the date."""
    members = _group_members(stage, organisation)
    if user in members:
        return True
    away = _away_deputies([m.person_id for m in members if m.person_id], on)
    return any(deputy.pk == user.person_id for deputies in away.values() for deputy in deputies)


def queue_of(user: User, on: dt.date | None = None) -> QuerySet[AccessRequest]:
    """The requests under review at a stage the user holds on the date.

    A form waiting for its course at the last stage is there too, so specialist
    support can prepare it.

    As a member of the stage's approver group, or as the deputy of a member
    who is away (their queue goes to the deputy).
    """
    on = on or timezone.localdate()
    away = Delegation.objects.active_on(on).filter(deputy_id=user.person_id).values("person_id")
    accounts = Q(user=user) | Q(user__person__in=away) if user.person_id else Q(user=user)
    at_stage = Q(pk__in=[])
    for kind, organisation_id in AppRole.objects.filter(accounts).values_list(
        "kind", "organisation_id"
    ):
        if kind not in (AppRoleKind.COORDINATOR, AppRoleKind.SPECIALIST):
            continue
        group = Q(route__stages__approver_group=kind, route__stages__position=F("stage"))
        at_stage |= group & Q(organisation_id=organisation_id) if organisation_id else group
    under_review = (RequestStatus.IN_REVIEW, RequestStatus.WAITING_FOR_TRAINING)
    return AccessRequest.objects.filter(at_stage, status__in=under_review).distinct()


# Who signs


def _linked_managers(unit: Unit, on: dt.date) -> list[Person]:
    return [
        link.manager
        for link in ManagerLink.objects.active_on(on).filter(unit=unit).select_related("manager")
    ]


def _unit_signers(start: Unit | None, contact_unit: Unit, exclude: Person, on: dt.date) -> dict:
    """The managers responsible for a unit (walking up), or the area contact."""
    unit = start
    while unit is not None:
        managers = [m for m in _linked_managers(unit, on) if m.pk != exclude.pk]
        if managers:
            return {
                m.pk: _("Ansvarig chef för %(unit)s") % {"unit": unit} for m in managers
            } | _deputies(managers, unit, on)
        unit = unit.parent
    contact = contact_unit.business_area.contact
    if contact is None or contact.pk == exclude.pk:
        return {}
    area = contact_unit.business_area
    return {contact.pk: _("Kontaktperson för %(area)s") % {"area": area}}


def _deputies(managers: list[Person], unit: Unit, on: dt.date) -> dict[int, str]:
    away = _away_deputies([m.pk for m in managers], on)
    by_pk = {m.pk: m for m in managers}
    return {
        deputy.pk: _("Ersättare för %(manager)s, ansvarig chef för %(unit)s")
        % {"manager": by_pk[person_id].full_name, "unit": unit}
        for person_id, deputies in away.items()
        for deputy in deputies
    }


def responsible_signers(request: AccessRequest, on: dt.date | None = None) -> dict[int, str]:
    """Who may sign the request: person id → the capacity they sign in."""
    on = on or timezone.localdate()
    person = request.person
    if request.kind != RequestKind.MANAGER_LINK:
        return _unit_signers(person.unit, person.unit, person, on)
    per_unit = [_unit_signers(unit.parent, unit, person, on) for unit in request.units.all()]
    if not per_unit:
        return {}
    common = set.intersection(*(set(signers) for signers in per_unit))
    return {pk: per_unit[0][pk] for pk in common}


def awaiting_signature(user: User, on: dt.date | None = None) -> list[AccessRequest]:
    """Drafts and returned forms the user may sign: as responsible manager, deputy or contact.

    The forms the user may see, each asked who signs it; fine for the few
    forms open at a time, since a form waits for signing only days.
    """
    scope = user.scope
    contact = BusinessArea.objects.filter(contact_id=user.person_id)
    if user.person_id is None or not (scope.is_manager or contact.exists()):
        return []  # only managers, their deputies and area contacts sign
    open_forms = (
        AccessRequest.objects.visible_to(user)
        .filter(status__in=(RequestStatus.DRAFT, RequestStatus.RETURNED))
        .select_related("person__unit__business_area__contact", "role")
        .prefetch_related("units")
        .order_by("created_at", "pk")
    )
    return [form for form in open_forms if user.person_id in responsible_signers(form, on)]


def may_prepare(user: User, request: AccessRequest) -> bool:
    """A manager of the person's unit (or deputy), the area contact, or a signer."""
    scope = user.scope
    units = [request.person.unit, *request.units.all()]
    if any(
        unit.pk in scope.managed_unit_ids or unit.business_area_id in scope.business_area_ids
        for unit in units
    ):
        return True
    return user.person_id in responsible_signers(request)


# The actor's capacities on one request


def actor_facts(user: User | None, request: AccessRequest) -> workflow.ActorFacts:
    """What the user is in relation to the request, for `workflow.decide`."""
    capacity = workflow.Capacity
    if user is None:
        return workflow.ActorFacts(capacities=frozenset({capacity.SYSTEM}))
    capacities: set[workflow.Capacity] = set()
    if request.requested_by_id == user.pk:
        capacities.add(capacity.REQUESTER)
    if may_prepare(user, request):
        capacities.add(capacity.PREPARER)
    if user.person_id and user.person_id in responsible_signers(request):
        capacities.add(capacity.RESPONSIBLE_MANAGER)
    if user.scope.is_specialist:
        capacities.add(capacity.SPECIALIST)
    on = timezone.localdate()
    held = frozenset(
        stage.position
        for stage in stages_of(request_route(request))
        if _holds(user, stage, request.organisation, on)
    )
    return workflow.ActorFacts(capacities=frozenset(capacities), approver_stages=held)


def position_of(request: AccessRequest) -> workflow.Position:
    stages = stages_of(request_route(request))
    return workflow.Position(
        status=workflow.S(request.status),
        stage=request.stage,
        last_stage=stages[-1].position if stages else None,
    )
