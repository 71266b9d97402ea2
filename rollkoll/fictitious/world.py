"""A fictitious organisation: organisations, business areas, units, people, managers.

Everything is drawn from one seeded random generator in a fixed order, so the
same seed gives the same world. Dates are relative to a fixed reference day,
not to today, for the same reason.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from rollkoll.fictitious import names
from rollkoll.org.personnummer import luhn_check_digit

REFERENCE_DAY = dt.date(2026, 10, 1)
SAS = ("SAS", "Södra Älvsborgs Sjukhus")


@dataclass(frozen=True)
class Scale:
    organisations: int
    business_areas: int
    units: int
    people: int
    story: bool = False  # the demo's named people in every state (`fictitious.story`)


SCALES = {
    "demo": Scale(organisations=2, business_areas=4, units=40, people=300, story=True),
    "sas": Scale(organisations=1, business_areas=12, units=350, people=4_500),
    "region": Scale(organisations=25, business_areas=250, units=4_000, people=55_000),
}


@dataclass
class Unit:
    code: str
    name: str
    org: tuple[str, str]
    area: tuple[str, str]
    parent: Unit | None
    staff: list[Person] = field(default_factory=list)


@dataclass
class Person:
    number: int
    unit: Unit
    first_name: str
    last_name: str
    title: str
    employed_from: dt.date
    employed_to: dt.date | None = None
    manager_kind: str = ""

    @property
    def employee_id(self) -> str:
        return f"E{self.number:06d}"

    @property
    def personnummer(self) -> str:
        return fictitious_personnummer(self.number)

    @property
    def email(self) -> str:
        local = f"{self.first_name}.{self.last_name}.{self.number}".translate(names.ASCII)
        return f"{local.lower()}@example.org"


@dataclass(frozen=True)
class Assignment:
    """A manager of a unit from a date: HR's view, and (mostly) Heroma's link."""

    unit: Unit
    manager: Person
    valid_from: dt.date


@dataclass
class World:
    units: list[Unit]
    people: list[Person]
    managers: list[Assignment]
    links: list[Assignment]


def fictitious_personnummer(number: int) -> str:
    """A Luhn-valid personnummer born in the 1800s, distinct for every number."""
    born = dt.date(1800, 1, 1) + dt.timedelta(days=number % 36_500)
    serial = f"{born:%y%m%d}{number // 36_500 % 1000:03d}"
    return f"{born:%Y%m%d}-{serial[6:]}{luhn_check_digit(serial)}"


def random_day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max((end - start).days, 0)))


def build(scale: Scale, rng: random.Random) -> World:
    units = _units(scale, rng)
    people = _people(scale, units, rng)
    managers, links = _managers(units, rng)
    return World(units, people, managers, links)


def _organisations(count: int, rng: random.Random) -> list[tuple[str, str]]:
    organisations = [SAS]
    while len(organisations) < count:
        place = rng.choice(names.PLACE_STARTS) + rng.choice(names.PLACE_ENDS)
        code = f"F{len(organisations):02d}"
        kind = rng.choice(("sjukhus", "hälso- och sjukvård", "förvaltning"))
        organisations.append((code, f"{place} {kind}"))
    return organisations


def _units(scale: Scale, rng: random.Random) -> list[Unit]:
    """Each business area has a top unit (its head's); the rest hang under it or one deeper."""
    organisations = _organisations(scale.organisations, rng)
    units: list[Unit] = []
    for index in range(scale.business_areas):
        org = organisations[index % len(organisations)]
        number = index // len(organisations) + 1
        speciality = names.STAFF_AREA if number == 1 else rng.choice(names.SPECIALITIES)
        area = (f"{org[0]}-{number:02d}", f"{speciality} {org[1]}")
        size = scale.units // scale.business_areas + (index < scale.units % scale.business_areas)
        top = Unit(_unit_code(len(units)), f"{speciality} ledning", org, area, None)
        units.append(top)
        for position in range(1, size):
            parent = units[-1] if position % 5 == 0 and units[-1] is not top else top
            kind, topic = rng.choice(names.UNIT_KINDS), rng.choice(names.UNIT_TOPICS)
            units.append(
                Unit(_unit_code(len(units)), f"{kind} {topic} {position}", org, area, parent)
            )
    return units


def _unit_code(index: int) -> str:
    return str(10_000 + index * 7)


def _people(scale: Scale, units: list[Unit], rng: random.Random) -> list[Person]:
    """Every unit gets at least one person; the rest spread unevenly."""
    weights = [rng.uniform(0.3, 1.7) for _ in units]
    homes = units + rng.choices(units, weights=weights, k=scale.people - len(units))
    people = []
    for number, unit in enumerate(homes, start=1):
        start = random_day(rng, dt.date(1990, 1, 1), REFERENCE_DAY - dt.timedelta(days=30))
        person = Person(
            number=number,
            unit=unit,
            first_name=rng.choice(names.FIRST_NAMES),
            last_name=rng.choice(names.SURNAME_STARTS) + rng.choice(names.SURNAME_ENDS),
            title=rng.choice(names.TITLES),
            employed_from=start,
        )
        if rng.random() < 0.015:
            person.employed_to = random_day(rng, start, REFERENCE_DAY - dt.timedelta(days=1))
        unit.staff.append(person)
        people.append(person)
    return people


def _managers(units: list[Unit], rng: random.Random) -> tuple[list[Assignment], list[Assignment]]:
    """HR's managers, and Heroma's links: the same, but for a few units never relinked."""
    managers: list[Assignment] = []
    links: list[Assignment] = []
    previous: Person | None = None
    for unit in units:
        shares = unit.parent is not None and previous is not None and rng.random() < 0.3
        if not shares or previous is None:
            previous = _appoint(unit, rng)
        history = _history(unit, previous, rng)
        managers += history
        stale = len(history) > 1 and rng.random() < 0.1
        links += history[:-1] if stale else history
    return managers, links


def _appoint(unit: Unit, rng: random.Random) -> Person:
    employed = [person for person in unit.staff if person.employed_to is None] or unit.staff
    manager = rng.choice(employed)
    if unit.parent is None:
        kind = "stabschef" if unit.area[1].startswith(names.STAFF_AREA) else "verksamhetschef"
    else:
        kind = rng.choices(("vardenhetschef", "enhetschef", "lakarchef"), (6, 3, 1))[0]
    manager.manager_kind = kind
    manager.title = names.MANAGER_TITLES[kind]
    return manager


def _history(unit: Unit, manager: Person, rng: random.Random) -> list[Assignment]:
    """The current manager, and for some units the one before."""
    since = random_day(rng, manager.employed_from, REFERENCE_DAY - dt.timedelta(days=1))
    current = Assignment(unit, manager, since)
    others = [person for person in unit.staff if person is not manager]
    if not others or rng.random() < 0.7 or since <= dt.date(1990, 1, 2):
        return [current]
    before = Assignment(unit, rng.choice(others), random_day(rng, dt.date(1990, 1, 1), since))
    return [before, current] if before.valid_from < since else [current]
