"""Manager links and assignments are dated up to the next one; grants' units end, not vanish."""

import datetime as dt

import pytest
from django.utils import timezone

from rollkoll.audit.models import Event
from rollkoll.org.imports import import_manager_links, import_managers
from rollkoll.org.models import ManagerAssignment, ManagerLink
from rollkoll.register.imports import import_grants
from rollkoll.register.models import Grant, GrantUnit
from rollkoll.register.selectors import grants_on
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


def units_of(grant, on):
    return [
        grant_unit.unit.code
        for grant_unit in GrantUnit.objects.active_on(on).filter(grant=grant).order_by("unit__code")
    ]


@pytest.fixture
def grant(unit):
    """A grant on 4711 since 2024; 4712 exists beside it."""
    UnitFactory(code="4712", business_area=unit.business_area)
    return GrantFactory(role=role("heromarapportor"), units=[unit], valid_from=dt.date(2024, 1, 1))


def import_units(tmp_path, grant, codes):
    """Import the grant's row naming `codes` as its units."""
    rows = [
        ["employee_id", "role_code", "unit_codes", "valid_from"],
        [grant.person.employee_id, "heromarapportor", codes, grant.valid_from.isoformat()],
    ]
    return import_grants(path=write_csv(tmp_path / "g.csv", rows))


@pytest.mark.django_db
def test_a_unit_taken_off_a_grant_ends_yesterday_and_one_put_on_starts_today(tmp_path, grant):
    result = import_units(tmp_path, grant, "4712")
    assert (result.created, result.updated) == (0, 1)
    today = timezone.localdate()
    yesterday = today - dt.timedelta(days=1)
    assert units_of(grant, today) == ["4712"]
    assert units_of(grant, yesterday) == ["4711"]
    assert list(
        GrantUnit.objects.order_by("unit__code").values_list("unit__code", "valid_from", "valid_to")
    ) == [("4711", dt.date(2024, 1, 1), yesterday), ("4712", today, None)]


@pytest.mark.django_db
def test_a_unit_put_back_gets_a_new_period_and_the_old_one_stays(tmp_path, grant):
    import_units(tmp_path, grant, "4712")
    assert import_units(tmp_path, grant, "4711;4712").updated == 1
    assert units_of(grant, timezone.localdate()) == ["4711", "4712"]
    assert GrantUnit.objects.filter(unit__code="4711").count() == 2
    assert GrantUnit.objects.filter(valid_to__isnull=True).count() == 2


@pytest.mark.django_db
def test_a_unit_taken_off_before_the_grant_starts_was_never_held(tmp_path, grant):
    start = timezone.localdate() + dt.timedelta(days=30)
    Grant.objects.filter(pk=grant.pk).update(valid_from=start)
    GrantUnit.objects.update(valid_from=start)
    grant.refresh_from_db()
    import_units(tmp_path, grant, "4712")
    assert list(GrantUnit.objects.values_list("unit__code", "valid_from", "valid_to")) == [
        ("4712", start, None)
    ]


@pytest.mark.django_db
def test_the_register_on_a_past_date_shows_the_units_held_then(tmp_path, grant, specialist):
    import_units(tmp_path, grant, "4712")
    past = dt.date(2025, 6, 1)
    assert [g.unit_codes() for g in grants_on(user=specialist, on=past)] == [["4711"]]
    assert list(grants_on(user=specialist, on=past, unit="4712")) == []
    today = timezone.localdate()
    assert [g.unit_codes() for g in grants_on(user=specialist, on=today)] == [["4712"]]
    assert list(grants_on(user=specialist, on=today, unit="4711")) == []


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
def test_a_grants_changed_units_are_in_the_imports_audit_event(tmp_path, grant):
    import_units(tmp_path, grant, "4711;4712")
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
