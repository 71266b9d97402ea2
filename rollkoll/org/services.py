"""Writes of the org app: local accounts, out-of-office delegations, and the record of
whole personnummer shown.

Each act is one transaction that writes the change and its audit event.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from rollkoll.audit.services import PERSONNUMMER_VIEWED, record
from rollkoll.errors import Conflict, DomainError, NotPermitted
from rollkoll.org.models import (
    AppRole,
    AppRoleKind,
    BusinessArea,
    Delegation,
    Organisation,
    Person,
    User,
)

_SCOPED_BY: dict[AppRoleKind, type[Organisation] | type[BusinessArea]] = {
    AppRoleKind.COORDINATOR: Organisation,
    AppRoleKind.BA_CONTACT: BusinessArea,
}


# What an organisation or business-area code may look like; anything else is unknown.
_CODE = re.compile(r"[\w-]{1,20}")


@dataclass(frozen=True)
class AppRoleSpec:
    """One app role to give a user, with its scope where the role takes one."""

    kind: AppRoleKind
    organisation: Organisation | None = None
    business_area: BusinessArea | None = None

    @property
    def label(self) -> str:
        scope = self.organisation or self.business_area
        return f"{self.kind.value}:{scope.code}" if scope else self.kind.value


def parse_app_role(text: str) -> AppRoleSpec:
    """Read `ROLE[:SCOPE]`, e.g. `coordinator:SAS`, `ba-contact:VO1`, `auditor`."""
    name, _sep, code = text.strip().partition(":")
    if name not in AppRoleKind.values:
        raise DomainError(
            _("Okänd roll i Rollkoll: %(role)s. Välj bland %(roles)s.")
            % {"role": name, "roles": ", ".join(AppRoleKind.values)},
            code="unknown_app_role",
        )
    kind = AppRoleKind(name)
    model = _SCOPED_BY.get(kind)
    if model is None:
        if code:
            raise DomainError(
                _("Rollen %(role)s tar ingen omfattning.") % {"role": name},
                code="app_role_takes_no_scope",
            )
        return AppRoleSpec(kind=kind)
    if not code:
        raise DomainError(
            _("Rollen %(role)s behöver en omfattning: %(role)s:KOD.") % {"role": name},
            code="app_role_needs_scope",
        )
    scope = model.objects.filter(code=code).first() if _CODE.fullmatch(code) else None
    if scope is None:
        raise DomainError(
            _("Okänd kod för rollen %(role)s: %(code)s.") % {"role": name, "code": code},
            code="unknown_scope",
        )
    if isinstance(scope, Organisation):
        return AppRoleSpec(kind=kind, organisation=scope)
    return AppRoleSpec(kind=kind, business_area=scope)


def user_create(
    *,
    username: str,
    person: Person | None,
    password: str,
    app_roles: Sequence[AppRoleSpec],
    actor: User | None,
) -> User:
    """A local account for a person; `actor` is None when created from the command line.

    Everything is checked before anything is written. An administrator also
    gets the Django admin (is_staff, is_superuser).
    """
    _check_new_user(username=username, person=person, password=password)
    roles = list(dict.fromkeys(app_roles))
    is_admin = any(spec.kind == AppRoleKind.ADMIN for spec in roles)
    with transaction.atomic():
        user = User(username=username, person=person, is_staff=is_admin, is_superuser=is_admin)
        user.set_password(password)
        user.save()
        AppRole.objects.bulk_create(
            AppRole(
                user=user,
                kind=spec.kind,
                organisation=spec.organisation,
                business_area=spec.business_area,
            )
            for spec in roles
        )
        record(
            actor=actor,
            action="user.create",
            target=user,
            after={
                "username": username,
                "employee_id": person.employee_id if person else None,
                "app_roles": sorted(spec.label for spec in roles),
            },
        )
    return user


def _check_new_user(*, username: str, person: Person | None, password: str) -> None:
    reasons: list[str] = []
    try:
        User._meta.get_field("username").run_validators(username)
    except ValidationError as error:
        reasons.extend(error.messages)
    if not username.strip():
        reasons.append(_("Användarnamnet saknas."))
    elif User.objects.filter(username__iexact=username).exists():
        reasons.append(_("Användarnamnet %(username)s finns redan.") % {"username": username})
    if person is not None and User.objects.filter(person=person).exists():
        reasons.append(
            _("Personen %(employee_id)s har redan ett konto.") % {"employee_id": person.employee_id}
        )
    try:
        validate_password(password, User(username=username, person=person))
    except ValidationError as error:
        reasons.extend(error.messages)
    if reasons:
        raise DomainError(" ".join(reasons), code="invalid_user", reasons=reasons)


def delegation_create(
    *,
    person: Person,
    deputy: Person,
    valid_from: dt.date,
    valid_to: dt.date,
    actor: User,
) -> Delegation:
    """Name an out-of-office deputy for `person` between two dates, both included.

    Only the person themself may name their deputy. Periods of one person's
    delegations may not overlap, so that at any date there is one deputy.
    """
    if actor.person_id != person.pk:
        raise NotPermitted(_("Du kan bara ange ersättare för dig själv."))
    reasons = _delegation_problems(person, deputy, valid_from, valid_to)
    if reasons:
        raise DomainError(
            " ".join(reason["message"] for reason in reasons),
            code="invalid_delegation",
            reasons=reasons,
        )
    with transaction.atomic():
        Person.objects.select_for_update().get(pk=person.pk)
        overlapping = Delegation.objects.filter(person=person, valid_from__lte=valid_to).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=valid_from)
        )
        if overlapping.exists():
            raise Conflict(
                _("Du har redan en frånvarohänvisning under den perioden."),
                code="delegation_overlaps",
            )
        delegation = Delegation.objects.create(
            person=person, deputy=deputy, valid_from=valid_from, valid_to=valid_to
        )
        record(
            actor=actor,
            action="delegation.create",
            target=delegation,
            after=_delegation_state(delegation),
        )
    return delegation


def delegation_end(*, delegation: Delegation, actor: User) -> Delegation | None:
    """End the actor's own delegation: from today the person is no longer away.

    One not yet begun (or beginning today) goes away altogether; one running
    ends yesterday. Either way the audit log keeps what it was.
    """
    if actor.person_id != delegation.person_id:
        raise NotPermitted(_("Du kan bara avsluta dina egna frånvarohänvisningar."))
    today = timezone.localdate()
    with transaction.atomic():
        delegation = Delegation.objects.select_for_update().get(pk=delegation.pk)
        before = _delegation_state(delegation)
        if delegation.valid_to is not None and delegation.valid_to < today:
            raise Conflict(_("Frånvarohänvisningen är redan slut."), code="delegation_over")
        if delegation.valid_from >= today:
            record(actor=actor, action="delegation.end", target=delegation, before=before)
            delegation.delete()
            return None
        delegation.valid_to = today - dt.timedelta(days=1)
        delegation.save(update_fields=["valid_to"])
        record(
            actor=actor,
            action="delegation.end",
            target=delegation,
            before=before,
            after=_delegation_state(delegation),
        )
    return delegation


def _delegation_state(delegation: Delegation) -> dict[str, Any]:
    return {
        "id": delegation.pk,
        "person": delegation.person.employee_id,
        "deputy": delegation.deputy.employee_id,
        "valid_from": delegation.valid_from.isoformat(),
        "valid_to": delegation.valid_to.isoformat() if delegation.valid_to else None,
    }


def _delegation_problems(
    person: Person, deputy: Person, valid_from: dt.date, valid_to: dt.date
) -> list[dict[str, str]]:
    problems = []
    if deputy.pk == person.pk:
        problems.append(("deputy_is_self", _("Du kan inte hänvisa till dig själv.")))
    if valid_to < valid_from:
        problems.append(("dates_unordered", _("Slutdatum ligger före startdatum.")))
    if valid_from < timezone.localdate():
        problems.append(("starts_in_past", _("Frånvarohänvisningen kan inte börja bakåt i tiden.")))
    if not deputy.is_employed_on(valid_from):
        problems.append(("deputy_not_employed", _("Ersättaren är inte anställd då.")))
    return [{"code": code, "message": str(message)} for code, message in problems]


def record_personnummer_views(*, viewer: User, people: Iterable[Person], via: str) -> None:
    """Record that the viewer was shown these people's personnummer whole, if so.

    One `personnummer_viewed` event names the people by employee id and where
    (`via`), never the numbers. A person's own number seen by themself, and
    masked numbers, are not recorded.
    """
    scope = viewer.scope
    if not scope.sees_personnummer:
        return
    others = [person for person in people if person.pk != scope.person_id]
    if not others:
        return
    with transaction.atomic():
        record(
            actor=viewer,
            action=PERSONNUMMER_VIEWED,
            target=others[0] if len(others) == 1 else None,
            after={"via": via, "employee_ids": [person.employee_id for person in others]},
        )
