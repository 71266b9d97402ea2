"""Manager links and assignments are dated up to the next one; grants' units are replaced."""

import datetime as dt

import pytest

from rollkoll.audit.models import Event
from rollkoll.org.imports import import_manager_links, import_managers
from rollkoll.org.models import ManagerAssignment, ManagerLink
from rollkoll.register.imports import import_grants
from rollkoll.register.models import Grant
from tests.factories import GrantFactory, PersonFactory, UnitFactory, role

from .conftest import write_csv

HEADER = ["unit_code", "employee_id", "valid_from"]


@pytest.fixture
def unit():
    return UnitFactory(code="4711")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("importer", "model"),
    [(import_manager_links, ManagerLink), (import_managers, ManagerAssignment)],
)
def test_the_newest_is_open_and_earlier_ones_end_the_day_before(tmp_path, unit, importer, model):
    first, second, third = (PersonFactory(unit=unit) for _ in range(3))
    rows = [
        HEADER,
        ["4711", second.employee_id, "2024-03-01"],
        ["4711", first.employee_id, "2020-01-01"],
    ]
    importer(path=write_csv(tmp_path / "a.csv", rows))
    later = [HEADER, ["4711", third.employee_id, "2025-06-15"]]
    result = importer(path=write_csv(tmp_path / "b.csv", later))
    assert (result.created, result.updated) == (1, 1)
    assert list(
        model.objects.order_by("valid_from").values_list("manager", "valid_from", "valid_to")
    ) == [
        (first.pk, dt.date(2020, 1, 1), dt.date(2024, 2, 29)),
        (second.pk, dt.date(2024, 3, 1), dt.date(2025, 6, 14)),
        (third.pk, dt.date(2025, 6, 15), None),
    ]


@pytest.mark.django_db
def test_a_link_file_may_name_another_manager_for_the_same_start(tmp_path, unit):
    before, after = PersonFactory(unit=unit), PersonFactory(unit=unit)
    import_manager_links(
        path=write_csv(tmp_path / "a.csv", [HEADER, ["4711", before.employee_id, "2024-01-01"]])
    )
    result = import_manager_links(
        path=write_csv(tmp_path / "b.csv", [HEADER, ["4711", after.employee_id, "2024-01-01"]])
    )
    assert (result.created, result.updated) == (0, 1)
    assert ManagerLink.objects.get().manager == after


@pytest.mark.django_db
def test_a_grants_units_are_replaced_by_the_files(tmp_path, unit):
    other = UnitFactory(code="4712", business_area=unit.business_area)
    grant = GrantFactory(role=role("heromarapportor"), units=[unit], valid_from=dt.date(2024, 1, 1))
    rows = [
        ["employee_id", "role_code", "unit_codes", "valid_from"],
        [grant.person.employee_id, "heromarapportor", "4712", "2024-01-01"],
    ]
    result = import_grants(path=write_csv(tmp_path / "g.csv", rows))
    assert (result.created, result.updated) == (0, 1)
    assert list(Grant.objects.get().units.values_list("code", flat=True)) == [other.code]
    rows[1][2] = "4711;4712"
    assert import_grants(path=write_csv(tmp_path / "g.csv", rows)).updated == 1
    assert sorted(Grant.objects.get().units.values_list("code", flat=True)) == ["4711", "4712"]


@pytest.mark.django_db
def test_a_rewritten_link_is_in_the_imports_audit_event_with_its_before(tmp_path, unit):
    before, after = PersonFactory(unit=unit), PersonFactory(unit=unit)
    import_manager_links(
        path=write_csv(tmp_path / "a.csv", [HEADER, ["4711", before.employee_id, "2024-01-01"]])
    )
    import_manager_links(
        path=write_csv(tmp_path / "b.csv", [HEADER, ["4711", after.employee_id, "2024-01-01"]])
    )
    event = Event.objects.filter(action="import.manager-links").order_by("sequence").last()
    assert event.after["changes"] == {
        "created": [],
        "rewritten": [
            {
                "unit": "4711",
                "valid_from": "2024-01-01",
                "manager": after.employee_id,
                "valid_to": None,
                "before": {"manager": before.employee_id, "valid_to": None},
            }
        ],
    }


@pytest.mark.django_db
def test_a_grants_changed_units_are_in_the_imports_audit_event(tmp_path, unit):
    UnitFactory(code="4712", business_area=unit.business_area)
    grant = GrantFactory(role=role("heromarapportor"), units=[unit], valid_from=dt.date(2024, 1, 1))
    rows = [
        ["employee_id", "role_code", "unit_codes", "valid_from"],
        [grant.person.employee_id, "heromarapportor", "4711;4712", "2024-01-01"],
    ]
    import_grants(path=write_csv(tmp_path / "g.csv", rows))
    changes = Event.objects.get(action="import.grants").after["changes"]
    assert changes == {
        "created": [],
        "units_changed": [
            {
                "employee_id": grant.person.employee_id,
                "role": "heromarapportor",
                "valid_from": "2024-01-01",
                "units_before": ["4711"],
                "units": ["4711", "4712"],
            }
        ],
    }
