"""The demo's story: named people in every state the rules know.

The demo world has SÄS beside an organisation under VGR's default rules. On top
of the drawn data, the story picks its cast by fixed rules (no random draws, so
the rest of the world is as the seed made it) and sets their training, roles
and employment so that each shows one state:

- at SÄS, on one first-line manager's unit: a person missing an e-learning,
  people with every course completed, a person waiting for the Chef course
  who may have the interim Chef webb, and a leaver still holding a role;
- in the same business area, a unit whose manager holds a role that needs a
  Heromarapportör and has none, and a unit whose manager in HR's file is not
  the one linked in Heroma;
- at the VGR organisation, on one first-line manager's unit: a person with the
  classroom course booked (VGR lets the form go then) and a holder of
  Administrativt stöd who has done the upgrade course for Heromarapportör.

`cast` names the people and units by employee id and unit code, so that the
demo can put their requests in flight after the files are imported.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass

from rollkoll.fictitious import names
from rollkoll.fictitious.register import GrantRow, TrainingRow, grants
from rollkoll.fictitious.world import REFERENCE_DAY, Assignment, Person, Scale, Unit, World, build

SAS_AREA, VGR_AREA, STAFF_AREA = "SAS-02", "F01-02", "SAS-01"
FIRST_LINE = {"vardenhetschef", "enhetschef", "lakarchef"}
NEEDS_REPORTER = {"chef", "chef-webb"}
DONE, BOOKED = "completed", "booked"
REPORTER_SAS = {"intro": DONE, "for-chefer": DONE, "personaloversikt": DONE}
REPORTER_VGR = {"intro": DONE, "personaloversikt": DONE}
# The courses each member of the cast has, by the state they show.
TRAINING: dict[str, dict[str, str]] = {
    "e_learning_missing": {"for-chefer": DONE, "personaloversikt": DONE},
    "course_completed": REPORTER_SAS | {"kurs-heromarapportor": DONE},
    "approved": REPORTER_SAS | {"kurs-heromarapportor": DONE},
    "carried_out": REPORTER_SAS | {"kurs-heromarapportor": DONE},
    "interim": REPORTER_SAS | {"chef-webb": DONE, "kurs-chef": BOOKED},
    "course_booked": REPORTER_VGR | {"kurs-heromarapportor": BOOKED},
    "upgrade": REPORTER_VGR | {"kurs-administrativt-stod": DONE, "kurs-uppgradering": DONE},
}
STAFF_PERSONAS = ("coordinator", "specialist", "auditor", "admin")


@dataclass(frozen=True)
class Cast:
    """Who is who in the story: employee ids, and unit codes for the units."""

    manager_sas: str
    deputy: str
    manager_vgr: str
    contact: str
    coordinator: str
    specialist: str
    auditor: str
    admin: str
    e_learning_missing: str
    course_completed: str
    approved: str
    carried_out: str
    interim: str
    leaver: str
    course_booked: str
    upgrade: str
    new_manager: str
    unit_sas: str
    unit_vgr: str
    unit_without_reporter: str
    unit_relinked: str


def cast(scale: Scale, seed: int) -> Cast:
    """The cast of the world `scale` and `seed` make, without writing anything."""
    rng = random.Random(seed)  # noqa: S311 (the generator's own stream, replayed)  # nosec B311
    world = build(scale, rng)
    return _Casting(world, grants(world, rng)).cast


def tell(
    world: World, grant_rows: list[GrantRow], training_rows: Iterable[TrainingRow]
) -> tuple[list[GrantRow], list[TrainingRow]]:
    """Change the world, its grants and its training so the cast shows their states."""
    training_rows = list(training_rows)  # drawn from the world as it was
    chosen = _Casting(world, grant_rows).cast
    people = {person.employee_id: person for person in world.people}
    rows = _reporters_removed(grant_rows, chosen.unit_without_reporter)
    upgrade = people[chosen.upgrade]
    rows.append(GrantRow(upgrade, "administrativt-stod", (upgrade.unit,), _since(upgrade, 400)))
    _leaves(people[chosen.leaver], rows)
    _takes_over(people[chosen.new_manager], world)
    retrained = [(people[getattr(chosen, state)], courses) for state, courses in TRAINING.items()]
    numbers = {person.number for person, _courses in retrained}
    training = [row for row in training_rows if row.person.number not in numbers]
    for person, courses in retrained:
        training += [
            TrainingRow(person, course, status, _since(person, 20 if status == BOOKED else 60))
            for course, status in courses.items()
        ]
    return rows, training


def _since(person: Person, days: int) -> dt.date:
    return max(person.employed_from, REFERENCE_DAY - dt.timedelta(days=days))


def _reporters_removed(grant_rows: list[GrantRow], unit_code: str) -> list[GrantRow]:
    return [
        row
        for row in grant_rows
        if not (row.role == "heromarapportor" and row.units[0].code == unit_code)
    ]


def _leaves(person: Person, grant_rows: list[GrantRow]) -> None:
    """The person left a month ago; their role stays until someone ends it."""
    since = max(row.valid_from for row in grant_rows if row.holder is person)
    person.employed_to = max(since, REFERENCE_DAY - dt.timedelta(days=30))


def _takes_over(person: Person, world: World) -> None:
    """HR names a new manager for the person's unit; Heroma's link stays the old one."""
    person.manager_kind = "vardenhetschef"
    person.title = names.MANAGER_TITLES[person.manager_kind]
    last = max(a.valid_from for a in world.managers if a.unit is person.unit)
    since = max(last + dt.timedelta(days=1), REFERENCE_DAY - dt.timedelta(days=21))
    world.managers.append(Assignment(person.unit, person, since))


class _Casting:
    """Picks the cast from a drawn world by fixed rules."""

    def __init__(self, world: World, grant_rows: list[GrantRow]) -> None:
        self.world = world
        self.holders = {row.holder.number: row for row in grant_rows}
        self.current = _current_managers(world.managers)
        self.linked = _current_managers(world.links)
        self.taken: set[int] = set()
        self.cast = self._pick()

    def _pick(self) -> Cast:
        unit_sas, unit_vgr = self._staffed_unit(SAS_AREA), self._staffed_unit(VGR_AREA)
        manager_sas, manager_vgr = self.current[unit_sas.code], self.current[unit_vgr.code]
        self.taken |= {manager_sas.number, manager_vgr.number}
        without_reporter = self._unit_without_reporter(unit_sas)
        relinked = self._relinked_unit({unit_sas.code, without_reporter.code})
        chosen = {
            "manager_sas": manager_sas,
            "manager_vgr": manager_vgr,
            "deputy": self._deputy(unit_sas),
            "leaver": self._leaver(unit_sas),
            "new_manager": self._staff(relinked, 1)[0],
        }
        sas_states = ("e_learning_missing", "course_completed", "approved", "carried_out")
        chosen |= dict(zip((*sas_states, "interim"), self._staff(unit_sas, 5), strict=True))
        chosen |= dict(zip(("course_booked", "upgrade"), self._staff(unit_vgr, 2), strict=True))
        chosen["contact"] = self._office(SAS_AREA, 1)[0]
        chosen |= dict(zip(STAFF_PERSONAS, self._office(STAFF_AREA, 4), strict=True))
        return Cast(
            **{role: person.employee_id for role, person in chosen.items()},
            unit_sas=unit_sas.code,
            unit_vgr=unit_vgr.code,
            unit_without_reporter=without_reporter.code,
            unit_relinked=relinked.code,
        )

    def _units(self, area: str) -> list[Unit]:
        """The area's units below its top, each linked to its first-line manager in HR's file."""
        return [
            unit
            for unit in self.world.units
            if unit.area[0] == area
            and unit.parent is not None
            and self.current[unit.code].manager_kind in FIRST_LINE
            and self.linked[unit.code] is self.current[unit.code]
        ]

    def _free(self, unit: Unit) -> list[Person]:
        """Staff at work with no role, no manager assignment and no part yet."""
        managers = {person.number for person in self.current.values()}
        return [
            person
            for person in unit.staff
            if person.employed_to is None
            and person.number not in self.holders
            and person.number not in managers | self.taken
        ]

    def _staffed_unit(self, area: str) -> Unit:
        return max(self._units(area), key=lambda unit: (len(self._free(unit)), unit.code))

    def _staff(self, unit: Unit, count: int) -> list[Person]:
        free = self._free(unit)[:count]
        if len(free) < count:
            raise ValueError(f"unit {unit.code} has too few free staff for the story")
        self.taken |= {person.number for person in free}
        return free

    def _office(self, area: str, count: int) -> list[Person]:
        """People for the office personas, from the area's largest units first."""
        units = sorted(
            (unit for unit in self.world.units if unit.area[0] == area),
            key=lambda unit: (-len(self._free(unit)), unit.code),
        )
        people = [person for unit in units for person in self._free(unit)][:count]
        self.taken |= {person.number for person in people}
        return people

    def _unit_without_reporter(self, staffed: Unit) -> Unit:
        """A unit whose manager holds a role that needs a Heromarapportör there."""
        for unit in self._units(SAS_AREA):
            row = self.holders.get(self.current[unit.code].number)
            if unit is not staffed and row and row.role in NEEDS_REPORTER and unit in row.units:
                return unit
        raise ValueError("no unit in the story's area has a manager needing a reporter")

    def _relinked_unit(self, used: set[str]) -> Unit:
        for unit in self._units(SAS_AREA):
            if unit.code not in used and self._free(unit):
                return unit
        raise ValueError("no unit in the story's area can take a new manager")

    def _deputy(self, unit: Unit) -> Person:
        """The manager of another unit in the area, out-of-office deputy for the story's."""
        manager = self.current[unit.code]
        deputy = next(
            self.current[other.code]
            for other in self._units(SAS_AREA)
            if self.current[other.code] is not manager
        )
        self.taken.add(deputy.number)
        return deputy

    def _leaver(self, unit: Unit) -> Person:
        reporters = [
            person
            for person in unit.staff
            if (row := self.holders.get(person.number))
            and row.role == "heromarapportor"
            and person.employed_to is None
        ]
        if not reporters:
            raise ValueError(f"unit {unit.code} has no reporter to leave")
        self.taken.add(reporters[0].number)
        return reporters[0]


def _current_managers(assignments: list[Assignment]) -> dict[str, Person]:
    """Each unit's manager now: the latest assignment."""
    latest: dict[str, Assignment] = {}
    for assignment in assignments:
        known = latest.get(assignment.unit.code)
        if known is None or known.valid_from < assignment.valid_from:
            latest[assignment.unit.code] = assignment
    return {code: assignment.manager for code, assignment in latest.items()}
