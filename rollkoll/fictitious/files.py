"""Writing a fictitious world as the six import files (CSV, UTF-8, comma)."""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections.abc import Iterable, Sequence
from pathlib import Path

from rollkoll.fictitious import register, story
from rollkoll.fictitious.world import Assignment, Scale, World, build
from rollkoll.org.imports import MANAGERS, PEOPLE, UNITS
from rollkoll.register.imports import GRANTS
from rollkoll.training.imports import COMPLETIONS

FILES = ("units", "people", "managers", "manager-links", "completions", "grants")


def generate(*, scale: Scale, out: Path, seed: int = 0) -> dict[str, int]:
    """Write the files into `out`; returns the number of data rows of each."""
    rng = random.Random(seed)  # noqa: S311 (fictitious data, reproducible by design)  # nosec B311
    world = build(scale, rng)
    grant_rows = register.grants(world, rng)
    training_rows: Iterable[register.TrainingRow] = register.training(world, grant_rows, rng)
    if scale.story:
        grant_rows, training_rows = story.tell(world, grant_rows, training_rows)
    out.mkdir(parents=True, exist_ok=True)
    return {
        "units": _write(out / "units.csv", UNITS.names, _units(world)),
        "people": _write(out / "people.csv", PEOPLE.names, _people(world)),
        "managers": _write(out / "managers.csv", MANAGERS.names, _assignments(world.managers)),
        "manager-links": _write(
            out / "manager-links.csv", MANAGERS.names, _assignments(world.links)
        ),
        "completions": _write(
            out / "completions.csv",
            COMPLETIONS.names,
            (
                (row.person.employee_id, row.course, row.status, _day(row.on))
                for row in training_rows
            ),
        ),
        "grants": _write(
            out / "grants.csv",
            GRANTS.names,
            (
                (
                    row.holder.employee_id,
                    row.role,
                    ";".join(unit.code for unit in row.units),
                    _day(row.valid_from),
                )
                for row in grant_rows
            ),
        ),
    }


def _write(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> int:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        count = 0
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _day(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _units(world: World) -> Iterable[Sequence[str]]:
    for unit in world.units:
        parent = unit.parent.code if unit.parent else ""
        yield (*unit.org, *unit.area, unit.code, unit.name, parent)


def _people(world: World) -> Iterable[Sequence[str]]:
    for person in world.people:
        yield (
            person.employee_id,
            person.personnummer,
            person.first_name,
            person.last_name,
            person.email,
            person.unit.code,
            person.title,
            person.manager_kind,
            _day(person.employed_from),
            _day(person.employed_to),
        )


def _assignments(assignments: list[Assignment]) -> Iterable[Sequence[str]]:
    for assignment in assignments:
        yield assignment.unit.code, assignment.manager.employee_id, _day(assignment.valid_from)
