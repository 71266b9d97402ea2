"""A database from before grant units had dates migrates with every unit intact."""

import datetime as dt

import pytest

from tests.migrating import migrate

BEFORE = [("register", "0001_initial")]
AFTER = [("register", "0002_grant_units_dated")]


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_latest")
def test_existing_units_start_with_their_grant_and_stay_open():
    old = migrate(BEFORE)
    organisation = old.get_model("org", "Organisation").objects.create(code="X", name="X")
    area = old.get_model("org", "BusinessArea").objects.create(
        code="X1", name="X1", organisation=organisation
    )
    unit = old.get_model("org", "Unit").objects.create(code="4711", name="A", business_area=area)
    person = old.get_model("org", "Person").objects.create(
        employee_id="1", first_name="A", last_name="B", unit=unit
    )
    role = old.get_model("catalog", "Role").objects.first()
    grant = old.get_model("register", "Grant").objects.create(
        person=person, role=role, valid_from=dt.date(2024, 3, 1)
    )
    old.get_model("register", "GrantUnit").objects.create(grant=grant, unit=unit)

    new = migrate(AFTER)
    assert list(
        new.get_model("register", "GrantUnit").objects.values_list(
            "grant_id", "unit_id", "valid_from", "valid_to"
        )
    ) == [(grant.pk, unit.pk, dt.date(2024, 3, 1), None)]
