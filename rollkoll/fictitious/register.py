"""Fictitious grants and training records that fit the world and the role catalog.

Role holders have the courses their roles require, mostly: a few lack one.
Everyone else has a spread of e-learning, courses and bookings, dense enough to
reach the region's size (about eleven training rows per person).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from rollkoll.fictitious.world import REFERENCE_DAY, Assignment, Person, Unit, World, random_day

E_LEARNING = ("intro", "personaloversikt", "chef-webb", "for-chefer")
CLASSROOM = (
    "kurs-chef-schema",
    "kurs-chef",
    "kurs-heromarapportor",
    "kurs-administrativt-stod",
    "kurs-uppgradering",
)
# As the catalog has them: e-learning first, then the role's classroom course.
REQUIRED = {
    "chef-schema": ("intro", "chef-webb", "personaloversikt", "kurs-chef-schema"),
    "chef": ("intro", "chef-webb", "personaloversikt", "kurs-chef"),
    "chef-webb": ("intro", "chef-webb"),
    "heromarapportor": ("intro", "personaloversikt", "kurs-heromarapportor"),
    "administrativt-stod": ("intro", "personaloversikt", "kurs-administrativt-stod"),
    "schemaadministrator": (),
}
SAS_EXTRA = {"chef-schema", "chef", "chef-webb", "heromarapportor"}
GAP = 0.04
BACKGROUND = {"intro": 0.97, "personaloversikt": 0.95, "chef-webb": 0.85, "for-chefer": 0.8}
CLASSROOM_DONE, BOOKED_BEFORE, BOOKED_OPEN = 0.8, 0.8, 0.15


@dataclass(frozen=True)
class GrantRow:
    holder: Person
    role: str
    units: tuple[Unit, ...]
    valid_from: dt.date


@dataclass(frozen=True)
class TrainingRow:
    person: Person
    course: str
    status: str
    on: dt.date


def grants(world: World, rng: random.Random) -> list[GrantRow]:
    """Managers hold a manager role on their units; units have reporters and support."""
    rows = _manager_grants(world.managers, rng)
    holders = {row.holder.number for row in rows}
    for unit in world.units:
        for role, chance in (
            ("heromarapportor", 1.0),
            ("heromarapportor", 0.3),
            ("administrativt-stod", 0.1),
            ("schemaadministrator", 0.03),
        ):
            candidates = [person for person in unit.staff if person.number not in holders]
            if candidates and rng.random() < chance:
                holder = rng.choice(candidates)
                holders.add(holder.number)
                since = random_day(rng, holder.employed_from, holder.employed_to or REFERENCE_DAY)
                rows.append(GrantRow(holder, role, (unit,), since))
    return rows


def _manager_grants(assignments: list[Assignment], rng: random.Random) -> list[GrantRow]:
    """One grant per current manager, on every unit they manage now."""
    latest: dict[str, Assignment] = {}
    for assignment in assignments:
        known = latest.get(assignment.unit.code)
        if known is None or known.valid_from < assignment.valid_from:
            latest[assignment.unit.code] = assignment
    held: dict[int, list[Assignment]] = {}
    for assignment in latest.values():
        held.setdefault(assignment.manager.number, []).append(assignment)
    rows = []
    for current in held.values():
        role = rng.choices(("chef", "chef-schema", "chef-webb"), (75, 15, 10))[0]
        since = min(assignment.valid_from for assignment in current)
        units = tuple(assignment.unit for assignment in current)
        rows.append(GrantRow(current[0].manager, role, units, since))
    return rows


def training(world: World, grant_rows: list[GrantRow], rng: random.Random) -> Iterator[TrainingRow]:
    """Each person's completions and bookings, in the order of the people."""
    roles = {row.holder.number: row for row in grant_rows}
    for person in world.people:
        grant = roles.get(person.number)
        required = _required(grant)
        done_by = grant.valid_from if grant else REFERENCE_DAY
        for course in E_LEARNING + CLASSROOM:
            chance = 1 - GAP if course in required else BACKGROUND.get(course, CLASSROOM_DONE)
            yield from _course(person, course, chance, done_by, rng)


def _required(grant: GrantRow | None) -> tuple[str, ...]:
    if grant is None:
        return ()
    extra = ("for-chefer",) if grant.role in SAS_EXTRA and grant.holder.unit.org[0] == "SAS" else ()
    return REQUIRED[grant.role] + extra


def _course(
    person: Person, course: str, chance: float, done_by: dt.date, rng: random.Random
) -> Iterator[TrainingRow]:
    classroom = course in CLASSROOM
    start = person.employed_from
    if rng.random() < chance:
        done = random_day(rng, start, max(done_by, start))
        if classroom and rng.random() < BOOKED_BEFORE:
            yield TrainingRow(person, course, "booked", random_day(rng, start, done))
        yield TrainingRow(person, course, "completed", done)
    elif classroom and rng.random() < BOOKED_OPEN:
        soon = REFERENCE_DAY - dt.timedelta(days=60)
        yield TrainingRow(
            person, course, "booked", random_day(rng, max(start, soon), REFERENCE_DAY)
        )
