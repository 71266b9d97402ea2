"""Importing the organisation from HR's files: units, people, managers, manager links.

Each import validates the whole file first and writes nothing if anything is
wrong; then it writes in one transaction with one summary audit event.
Natural keys make a second import of the same file change nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rollkoll.audit.services import record_import
from rollkoll.org import personnummer
from rollkoll.org.models import (
    BusinessArea,
    ManagerAssignment,
    ManagerKind,
    ManagerLink,
    Organisation,
    Person,
    Unit,
)
from rollkoll.tabular import (
    Column,
    ImportResult,
    Problems,
    Reference,
    Schema,
    shown,
    upsert,
)
from rollkoll.tabular.columns import CellError, email, iso_date, one_of, text
from rollkoll.tabular.importing import BATCH_SIZE

DatedManager = TypeVar("DatedManager", ManagerLink, ManagerAssignment)
DUPLICATE = gettext_lazy("Samma %(key)s finns redan på rad %(line)d.")


def canonical_personnummer(text: str) -> str:
    """A valid personnummer as `ÅÅÅÅMMDD-NNNN`, else a cell error for the import."""
    try:
        return personnummer.normalize(text)
    except personnummer.InvalidPersonnummer:
        raise CellError(
            _("”%(text)s” är inget giltigt personnummer.") % {"text": shown(text)}
        ) from None


UNITS = Schema(
    (
        Column("org_code", text(20)),
        Column("org_name", text(200)),
        Column("business_area_code", text(20)),
        Column("business_area_name", text(200)),
        Column("unit_code", text(20)),
        Column("unit_name", text(200)),
        Column("parent_unit_code", text(20), required=False),
    )
)
PEOPLE = Schema(
    (
        Column("employee_id", text(20)),
        Column("personnummer", canonical_personnummer),
        Column("first_name", text(100)),
        Column("last_name", text(100)),
        Column("email", email, required=False),
        Column("unit_code", text(20)),
        Column("title", text(200), required=False),
        Column("manager_kind", one_of(kind for kind in ManagerKind.values if kind), required=False),
        Column("employed_from", iso_date, required=False, empty=None),
        Column("employed_to", iso_date, required=False, empty=None),
    )
)
MANAGERS = Schema(
    (Column("unit_code", text(20)), Column("employee_id", text(20)), Column("valid_from", iso_date))
)


def unit_reference() -> Reference:
    return Reference(dict(Unit.objects.values_list("code", "pk")), _("Okänt ansvar ”%(code)s”."))


def person_reference() -> Reference:
    return Reference(
        dict(Person.objects.values_list("employee_id", "pk")),
        _("Okänt anställningsnummer ”%(code)s”."),
    )


def _first_seen(seen: dict[Any, int], key: Any, line: int) -> int | None:
    """The line where `key` was seen before, remembering this one if it is new."""
    earlier = seen.setdefault(key, line)
    return None if earlier == line else earlier


# --- units -------------------------------------------------------------------


@dataclass(frozen=True)
class _UnitRow:
    line: int
    area: str
    name: str
    parent: str


def import_units(*, path: Path, actor: Any = None, progress: bool = False) -> ImportResult:
    """Units with their organisations and business areas; parents may come later in the file."""
    problems = Problems(str(path))
    organisations: dict[str, dict[str, Any]] = {}
    areas: dict[str, dict[str, Any]] = {}
    units: dict[str, _UnitRow] = {}
    for line, row in UNITS.rows(path, problems, progress=progress):
        org_code, org_name, area_code, area_name, code, name, parent = row
        _agree(organisations, org_code, {"name": org_name}, line, "org_name", problems)
        area = {"organisation_id": org_code, "name": area_name}
        _agree(areas, area_code, area, line, "business_area_name", problems)
        if code in units:
            problems.add(line, "unit_code", DUPLICATE % {"key": code, "line": units[code].line})
        units[code] = _UnitRow(line, area_code, name, parent)
    _check_parents(units, set(Unit.objects.values_list("code", flat=True)), problems)
    problems.raise_if_any()
    with transaction.atomic():
        upsert(Organisation, "code", organisations)
        org_ids = dict(Organisation.objects.values_list("code", "pk"))
        for area in areas.values():
            area["organisation_id"] = org_ids[area["organisation_id"]]
        upsert(BusinessArea, "code", areas)
        result = _write_units(units)
        record_import(actor=actor, path=path, result=result)
    return result


def _agree(
    seen: dict[str, dict[str, Any]],
    code: str,
    values: dict[str, Any],
    line: int,
    column: str,
    problems: Problems,
) -> None:
    """An organisation or business area must read the same on every row."""
    if seen.setdefault(code, values) != values:
        problems.add(
            line,
            column,
            _("”%(code)s” står med andra uppgifter på en tidigare rad.") % {"code": code},
        )


def _check_parents(units: dict[str, _UnitRow], known: set[str], problems: Problems) -> None:
    for code, row in units.items():
        if not row.parent:
            continue
        if row.parent not in units and row.parent not in known:
            problems.add(
                row.line,
                "parent_unit_code",
                _("Okänt ansvar ”%(code)s”.") % {"code": shown(row.parent)},
            )
        elif _in_cycle(code, units):
            problems.add(
                row.line, "parent_unit_code", _("Ansvaret blir sitt eget överordnade ansvar.")
            )


def _in_cycle(code: str, units: dict[str, _UnitRow]) -> bool:
    seen = {code}
    parent = units[code].parent
    while parent in units:
        if parent in seen:
            return True
        seen.add(parent)
        parent = units[parent].parent
    return False


def _write_units(units: dict[str, _UnitRow]) -> ImportResult:
    """Create new units parents first (a parent may come later in the file), then update."""
    area_ids = dict(BusinessArea.objects.values_list("code", "pk"))
    unit_ids = dict(Unit.objects.values_list("code", "pk"))
    pending = [code for code in units if code not in unit_ids]
    created = sorted(pending)
    while pending:
        ready = [
            code for code in pending if not units[code].parent or units[code].parent in unit_ids
        ]
        Unit.objects.bulk_create(
            [Unit(code=code, **_unit(units[code], area_ids, unit_ids)) for code in ready],
            batch_size=BATCH_SIZE,
        )
        unit_ids = dict(Unit.objects.values_list("code", "pk"))
        pending = [code for code in pending if code not in unit_ids]
    wanted = {code: _unit(row, area_ids, unit_ids) for code, row in units.items()}
    _, updated = upsert(Unit, "code", wanted)
    return ImportResult(
        "units",
        created=len(created),
        updated=len(updated),
        changes={"created": created, "updated": sorted(updated)},
    )


def _unit(row: _UnitRow, area_ids: dict[str, int], unit_ids: dict[str, int]) -> dict[str, Any]:
    return {
        "business_area_id": area_ids[row.area],
        "name": row.name,
        "parent_id": unit_ids.get(row.parent),
    }


# --- people ------------------------------------------------------------------


def import_people(*, path: Path, actor: Any = None, progress: bool = False) -> ImportResult:
    problems = Problems(str(path))
    units = unit_reference()
    owners = dict(Person.objects.values_list("personnummer", "employee_id"))
    lines: dict[str, int] = {}
    by_personnummer: dict[str, int] = {}
    people: dict[str, dict[str, Any]] = {}
    for line, row in PEOPLE.rows(path, problems, progress=progress):
        employee_id, pnr, first, last, mail, unit_code, title, kind, start, end = row
        unit_id = units.resolve(unit_code, line=line, column="unit_code", problems=problems)
        if earlier := _first_seen(lines, employee_id, line):
            problems.add(line, "employee_id", DUPLICATE % {"key": employee_id, "line": earlier})
        if earlier := _first_seen(by_personnummer, pnr, line):
            problems.add(line, "personnummer", DUPLICATE % {"key": pnr, "line": earlier})
        elif owners.get(pnr, employee_id) != employee_id:
            problems.add(line, "personnummer", _("Personnumret hör till en annan anställd."))
        if start and end and end < start:
            problems.add(line, "employed_to", _("Anställningens slut ligger före dess början."))
        people[employee_id] = {
            "personnummer": pnr,
            "first_name": first,
            "last_name": last,
            "email": mail,
            "unit_id": unit_id,
            "title": title,
            "manager_kind": kind,
            "employed_from": start,
            "employed_to": end,
        }
    problems.raise_if_any()
    with transaction.atomic():
        created, updated = upsert(Person, "employee_id", people)
        result = ImportResult(
            "people",
            created=len(created),
            updated=len(updated),
            changes={"created": sorted(created), "updated": sorted(updated)},
        )
        record_import(actor=actor, path=path, result=result)
    return result


# --- managers (HR's view) and manager links (Heroma's) -------------------------


def import_managers(*, path: Path, actor: Any = None, progress: bool = False) -> ImportResult:
    """HR's view of who manages each unit, as dated ManagerAssignment rows."""
    return _import_dated_managers(
        model=ManagerAssignment, kind="managers", path=path, actor=actor, progress=progress
    )


def import_manager_links(*, path: Path, actor: Any = None, progress: bool = False) -> ImportResult:
    """The links as they stand in Heroma; a unit's newest link is the open one."""
    return _import_dated_managers(
        model=ManagerLink, kind="manager-links", path=path, actor=actor, progress=progress
    )


def _import_dated_managers(
    *,
    model: type[DatedManager],
    kind: str,
    path: Path,
    actor: Any,
    progress: bool,
) -> ImportResult:
    problems = Problems(str(path))
    units, people = unit_reference(), person_reference()
    lines: dict[tuple[str, dt.date], int] = {}
    wanted: dict[tuple[int, dt.date], int] = {}
    for line, (unit_code, employee_id, valid_from) in MANAGERS.rows(
        path, problems, progress=progress
    ):
        unit_id = units.resolve(unit_code, line=line, column="unit_code", problems=problems)
        person_id = people.resolve(employee_id, line=line, column="employee_id", problems=problems)
        if earlier := _first_seen(lines, (unit_code, valid_from), line):
            key = f"{unit_code} {valid_from}"
            problems.add(line, "valid_from", DUPLICATE % {"key": key, "line": earlier})
        if unit_id and person_id:
            wanted[unit_id, valid_from] = person_id
    problems.raise_if_any()
    with transaction.atomic():
        result = _write_dated_managers(model, kind, wanted)
        record_import(actor=actor, path=path, result=result)
    return result


def _write_dated_managers(
    model: type[DatedManager],
    kind: str,
    wanted: dict[tuple[int, dt.date], int],
) -> ImportResult:
    """Merge the file into the units' history and date every row up to the next one.

    Rows that close are written before rows that open, so that a unit never has
    two open links, not even inside one statement.
    """
    touched = {unit_id for unit_id, _ in wanted}
    current = {
        (row.unit_id, row.valid_from): row
        for row in model.objects.filter(unit_id__in=touched).only(
            "pk", "unit_id", "manager_id", "valid_from", "valid_to"
        )
    }
    history = sorted(current.keys() | wanted.keys())
    closing: list[DatedManager] = []
    opening: list[DatedManager] = []
    created: list[DatedManager] = []
    before: dict[tuple[int, dt.date], dict[str, Any]] = {}
    for index, key in enumerate(history):
        unit_id, valid_from = key
        following = history[index + 1] if index + 1 < len(history) else None
        valid_to = (
            following[1] - dt.timedelta(days=1) if following and following[0] == unit_id else None
        )
        row = current.get(key)
        if row is None:
            created.append(
                model(
                    unit_id=unit_id,
                    valid_from=valid_from,
                    valid_to=valid_to,
                    manager_id=wanted[key],
                )
            )
            continue
        manager_id = wanted.get(key, row.manager_id)
        if (row.manager_id, row.valid_to) != (manager_id, valid_to):
            before[key] = _link_state(row)
            row.manager_id, row.valid_to = manager_id, valid_to
            (closing if valid_to else opening).append(row)
    model.objects.bulk_update(closing, ["manager", "valid_to"], batch_size=BATCH_SIZE)
    model.objects.bulk_create(created, batch_size=BATCH_SIZE)
    model.objects.bulk_update(opening, ["manager", "valid_to"], batch_size=BATCH_SIZE)
    return ImportResult(
        kind,
        created=len(created),
        updated=len(before),
        changes=_dated_manager_changes(created, [*closing, *opening], before),
    )


def _link_state(row: ManagerLink | ManagerAssignment) -> dict[str, Any]:
    return {"manager_id": row.manager_id, "valid_to": row.valid_to}


def _dated_manager_changes(
    created: Sequence[ManagerLink | ManagerAssignment],
    rewritten: Sequence[ManagerLink | ManagerAssignment],
    before: dict[tuple[int, dt.date], dict[str, Any]],
) -> dict[str, Any]:
    """Each created and rewritten row by unit code and start, managers by employee id."""
    rows = [*created, *rewritten]
    units = dict(Unit.objects.filter(pk__in={r.unit_id for r in rows}).values_list("pk", "code"))
    people_ids = {r.manager_id for r in rows} | {b["manager_id"] for b in before.values()}
    people = dict(Person.objects.filter(pk__in=people_ids).values_list("pk", "employee_id"))

    def state(manager_id: int, valid_to: dt.date | None) -> dict[str, Any]:
        return {"manager": people[manager_id], "valid_to": valid_to and valid_to.isoformat()}

    def entry(row: ManagerLink | ManagerAssignment) -> dict[str, Any]:
        key = (row.unit_id, row.valid_from)
        after = {"unit": units[row.unit_id], "valid_from": row.valid_from.isoformat()}
        after |= state(row.manager_id, row.valid_to)
        return after | ({"before": state(**before[key])} if key in before else {})

    return {"created": [entry(r) for r in created], "rewritten": [entry(r) for r in rewritten]}
