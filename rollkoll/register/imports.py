"""Importing the register of grants as it stands (the business areas' lists).

The natural key is employee id + role code + valid from; a grant's units are
brought in line with the file's (units taken off end, see `_write`). Grants
missing from the file are left as they are: nothing in the register ends by itself.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rollkoll.audit.services import record_import
from rollkoll.catalog.models import Role
from rollkoll.org.imports import person_reference, unit_reference
from rollkoll.org.models import Person, Unit
from rollkoll.register.models import Grant, GrantUnit
from rollkoll.tabular import (
    Column,
    ImportResult,
    Problems,
    Reference,
    Schema,
    batched,
)
from rollkoll.tabular.columns import code_list, iso_date, text
from rollkoll.tabular.importing import BATCH_SIZE

GRANTS = Schema(
    (
        Column("employee_id", text(20)),
        Column("role_code", text(40)),
        Column("unit_codes", code_list(";")),
        Column("valid_from", iso_date),
    )
)
Key = tuple[int, int, dt.date]


def import_grants(*, path: Path, actor: Any = None, progress: bool = False) -> ImportResult:
    problems = Problems(str(path))
    people, units = person_reference(), unit_reference()
    roles = Reference(dict(Role.objects.values_list("code", "pk")), _("Okänd roll ”%(code)s”."))
    wanted: dict[Key, set[int]] = {}
    for line, (employee_id, role_code, unit_codes, valid_from) in GRANTS.rows(
        path, problems, progress=progress
    ):
        person_id = people.resolve(employee_id, line=line, column="employee_id", problems=problems)
        role_id = roles.resolve(role_code, line=line, column="role_code", problems=problems)
        unit_ids = {
            units.resolve(code, line=line, column="unit_codes", problems=problems)
            for code in unit_codes
        }
        if not unit_codes:
            problems.add(line, "unit_codes", _("Värde saknas."))
        if person_id is None or role_id is None or None in unit_ids:
            continue
        key = (person_id, role_id, valid_from)
        if key in wanted:
            problems.add(
                line, "valid_from", _("Samma person, roll och startdatum finns på en tidigare rad.")
            )
        wanted[key] = {unit_id for unit_id in unit_ids if unit_id is not None}
    problems.raise_if_any()
    with transaction.atomic():
        result = _write(wanted)
        record_import(actor=actor, path=path, result=result)
    return result


def _write(wanted: dict[Key, set[int]]) -> ImportResult:
    """Create the new grants, then bring every grant's units in line with the file.

    A unit the file adds to a running grant starts today; one it takes off ends
    yesterday, so the register still answers who held it before. A unit that had
    not yet started is removed outright: it was never held.
    """
    today = timezone.localdate()
    known = _grant_ids()
    Grant.objects.bulk_create(
        [
            Grant(person_id=p, role_id=r, valid_from=d)
            for p, r, d in wanted
            if (p, r, d) not in known
        ],
        batch_size=BATCH_SIZE,
    )
    ids = _grant_ids()
    stored: dict[int, dict[int, tuple[int, dt.date]]] = {}
    for pk, grant_id, unit_id, valid_from in GrantUnit.objects.filter(
        valid_to__isnull=True
    ).values_list("pk", "grant_id", "unit_id", "valid_from"):
        stored.setdefault(grant_id, {})[unit_id] = (pk, valid_from)
    added: list[GrantUnit] = []
    ended: list[int] = []
    unstarted: list[int] = []
    changed: dict[Key, tuple[set[int], set[int]]] = {}
    for key, unit_ids in wanted.items():
        have = stored.get(ids[key], {})
        start = max(key[2], today) if key in known else key[2]
        added += [
            GrantUnit(grant_id=ids[key], unit_id=unit, valid_from=start)
            for unit in unit_ids - have.keys()
        ]
        for unit, (pk, valid_from) in have.items():
            if unit not in unit_ids:
                (unstarted if valid_from >= today else ended).append(pk)
        if key in known and have.keys() != unit_ids:
            changed[key] = (set(have), unit_ids)
    for batch in batched(ended):
        GrantUnit.objects.filter(pk__in=batch).update(valid_to=today - dt.timedelta(days=1))
    for batch in batched(unstarted):
        GrantUnit.objects.filter(pk__in=batch).delete()
    GrantUnit.objects.bulk_create(added, batch_size=BATCH_SIZE)
    created = [key for key in wanted if key not in known]
    return ImportResult(
        "grants",
        created=len(created),
        updated=len(changed),
        changes=_changes(created, changed),
    )


def _changes(created: list[Key], changed: dict[Key, tuple[set[int], set[int]]]) -> dict[str, Any]:
    """Created grants, and grants whose units the file changed, by natural key."""
    keys = [*created, *changed]
    people = dict(
        Person.objects.filter(pk__in={k[0] for k in keys}).values_list("pk", "employee_id")
    )
    roles = dict(Role.objects.values_list("pk", "code"))
    unit_ids = {u for before, after in changed.values() for u in before | after}
    units = dict(Unit.objects.filter(pk__in=unit_ids).values_list("pk", "code"))

    def grant(key: Key) -> dict[str, Any]:
        person, role, valid_from = key
        return {"employee_id": people[person], "role": roles[role], "valid_from": str(valid_from)}

    def codes(ids: set[int]) -> list[str]:
        return sorted(units[unit] for unit in ids)

    return {
        "created": [grant(key) for key in created],
        "units_changed": [
            grant(key) | {"units_before": codes(before), "units": codes(after)}
            for key, (before, after) in changed.items()
        ],
    }


def _grant_ids() -> dict[Key, int]:
    return {
        (person, role, valid_from): pk
        for pk, person, role, valid_from in Grant.objects.values_list(
            "pk", "person_id", "role_id", "valid_from"
        )
    }
