"""The generated demo files import whole, and a second import changes nothing."""

import pytest

from rollkoll.audit.models import Event
from rollkoll.org.models import BusinessArea, ManagerAssignment, ManagerLink, Person, Unit
from rollkoll.register.models import Grant, GrantUnit
from rollkoll.tabular import ImportResult
from rollkoll.training.imports import import_completions
from rollkoll.training.models import Booking, Completion

from .conftest import KINDS, read_csv, run_import, write_csv

TABLES = (
    BusinessArea,
    Unit,
    Person,
    ManagerAssignment,
    ManagerLink,
    Completion,
    Booking,
    Grant,
    GrantUnit,
)


def table_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in TABLES}


def data_rows(path) -> list[list[str]]:
    return read_csv(path)[1:]


@pytest.mark.django_db
def test_every_file_round_trips(imported):
    assert Unit.objects.count() == len(data_rows(imported / "units.csv"))
    assert Person.objects.count() == len(data_rows(imported / "people.csv"))
    assert ManagerAssignment.objects.count() == len(data_rows(imported / "managers.csv"))
    assert ManagerLink.objects.count() == len(data_rows(imported / "manager-links.csv"))
    statuses = [row[2] for row in data_rows(imported / "completions.csv")]
    assert Completion.objects.count() == statuses.count("completed")
    assert Booking.objects.count() == statuses.count("booked")
    grants = data_rows(imported / "grants.csv")
    assert Grant.objects.count() == len(grants)
    assert GrantUnit.objects.count() == sum(len(row[2].split(";")) for row in grants)


@pytest.mark.django_db
def test_imported_values_match_the_file(imported):
    employee_id, pnr, first, last, email, unit, title, kind, start, _end = data_rows(
        imported / "people.csv"
    )[0]
    person = Person.objects.get(employee_id=employee_id)
    assert (person.personnummer, person.first_name, person.last_name, person.email) == (
        pnr,
        first,
        last,
        email,
    )
    assert (person.unit.code, person.title, person.manager_kind) == (unit, title, kind)
    assert person.employed_from.isoformat() == start
    unit_row = next(row for row in data_rows(imported / "units.csv") if row[6])
    child = Unit.objects.get(code=unit_row[4])
    assert child.parent.code == unit_row[6]
    assert child.business_area.organisation.code == unit_row[0]


@pytest.mark.django_db
def test_a_second_import_changes_nothing(imported):
    before = table_counts()
    outputs = [run_import(kind, imported / f"{kind}.csv") for kind in KINDS]
    assert table_counts() == before
    assert all("0 nya, 0 ändrade" in output for output in outputs)


@pytest.mark.django_db
def test_each_import_writes_one_summary_event(imported):
    events = Event.objects.filter(action="import.people")
    assert events.count() == 1
    employee_ids = sorted(row[0] for row in data_rows(imported / "people.csv"))
    assert events.get().after == {
        "file": "people.csv",
        "created": len(employee_ids),
        "updated": 0,
        "changes": {"created": employee_ids, "updated": []},
    }
    assert {event.action for event in Event.objects.all()} >= {f"import.{k}" for k in KINDS}


@pytest.mark.django_db
def test_completions_import_returns_the_people_whose_training_changed(imported, tmp_path):
    again = import_completions(path=imported / "completions.csv")
    assert again == ImportResult("completions", created=0, updated=0, person_ids=frozenset())
    completion = Completion.objects.select_related("person", "course").first()
    later = completion.completed_on.replace(year=completion.completed_on.year + 1)
    rows = [
        ["employee_id", "course_code", "status", "date"],
        [completion.person.employee_id, completion.course.code, "completed", later.isoformat()],
    ]
    result = import_completions(path=write_csv(tmp_path / "c.csv", rows))
    assert result == ImportResult(
        "completions",
        created=0,
        updated=1,
        person_ids=frozenset({completion.person_id}),
        changes={"people": [completion.person.employee_id]},
    )
    completion.refresh_from_db()
    assert completion.completed_on == later


@pytest.mark.django_db
def test_a_new_booking_is_no_completion(imported, tmp_path):
    person = Person.objects.exclude(bookings__course__code="kurs-uppgradering").first()
    rows = [
        ["employee_id", "course_code", "status", "date"],
        [person.employee_id, "kurs-uppgradering", "booked", "2026-11-02"],
    ]
    result = import_completions(path=write_csv(tmp_path / "b.csv", rows))
    assert (result.created, result.updated, result.person_ids) == (1, 0, frozenset())
    assert Booking.objects.get(person=person, course__code="kurs-uppgradering").booked_on.day == 2
