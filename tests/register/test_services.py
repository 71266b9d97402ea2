"""The register services and the grants_on selector, as carry-out calls them."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest

from rollkoll.audit.models import Event
from rollkoll.errors import Conflict, DomainError
from rollkoll.org.models import ManagerLink
from rollkoll.register.models import Grant, GrantUnit
from rollkoll.register.selectors import grants_on
from rollkoll.register.services import (
    grant_change,
    grant_end,
    grant_end_direct,
    grant_start,
    manager_link_replace,
)
from tests import factories as f

pytestmark = pytest.mark.django_db

D = dt.date(2026, 3, 2)
DAY = dt.timedelta(days=1)


@dataclass
class Form:
    """The attributes of a request that the register reads."""

    kind: str
    person: Any
    role: Any
    units: list = field(default_factory=list)
    valid_from: dt.date = D
    grant: Grant | None = None


def held(user, on, **filters):
    return [
        (g.person.employee_id, g.role.code, g.unit_codes())
        for g in grants_on(user=user, on=on, **filters)
    ]


def test_a_started_grant_is_in_the_register_from_its_date(specialist):
    person = f.PersonFactory()
    unit = f.UnitFactory()
    grant_start(
        request=Form("grant", person, f.role("heromarapportor"), [person.unit, unit]),
        actor=specialist,
    )
    expected = [(person.employee_id, "heromarapportor", sorted([person.unit.code, unit.code]))]
    assert held(specialist, D) == expected
    assert held(specialist, D - DAY) == []
    assert held(specialist, D + dt.timedelta(days=3650)) == expected


def test_a_full_role_ends_the_interim_role_the_day_before(specialist):
    chef = f.role("chef")
    interim = f.GrantFactory(role=chef.interim_role, valid_from=D - 30 * DAY)
    grant_start(
        request=Form("grant", interim.person, chef, [interim.person.unit]), actor=specialist
    )
    interim.refresh_from_db()
    assert interim.valid_to == D - DAY
    assert [r for _, r, _ in held(specialist, D - DAY)] == ["chef-webb"]
    assert [r for _, r, _ in held(specialist, D)] == ["chef"]


def test_starting_a_role_already_held_on_every_unit_is_refused_and_changes_nothing(specialist):
    grant = f.GrantFactory(valid_from=D - 30 * DAY)
    with pytest.raises(Conflict) as error:
        grant_start(
            request=Form("grant", grant.person, grant.role, [grant.person.unit]), actor=specialist
        )
    assert error.value.code == "already_granted"
    assert (Grant.objects.count(), GrantUnit.objects.count()) == (1, 1)


def test_a_role_already_held_on_other_units_extends_the_running_grant(specialist):
    grant = f.GrantFactory(valid_from=D - 30 * DAY)
    unit = grant.person.unit
    other = f.UnitFactory()
    extended = grant_start(
        request=Form("grant", grant.person, grant.role, [unit, other]), actor=specialist
    )
    assert extended == grant
    assert list(
        GrantUnit.objects.filter(grant=grant)
        .order_by("valid_from")
        .values_list("unit", "valid_from", "valid_to")
    ) == [(unit.pk, D - 30 * DAY, None), (other.pk, D, None)]
    assert held(specialist, D - DAY)[0][2] == [unit.code]
    assert held(specialist, D)[0][2] == sorted([unit.code, other.code])
    event = Event.objects.get(action="grant_extended")
    assert (event.before["units"], event.after["units"]) == (
        [unit.code],
        sorted([unit.code, other.code]),
    )


@pytest.mark.parametrize(
    ("upgrade", "code"), [("chef", "chef-schema"), ("administrativt-stod", "heromarapportor")]
)
def test_a_granted_upgrade_ends_the_role_it_upgrades_the_day_before(specialist, upgrade, code):
    held_before = f.GrantFactory(role=f.role(upgrade), valid_from=D - 30 * DAY)
    grant_start(
        request=Form("grant", held_before.person, f.role(code), [held_before.person.unit]),
        actor=specialist,
    )
    held_before.refresh_from_db()
    assert held_before.valid_to == D - DAY
    assert [r for _, r, _ in held(specialist, D)] == [code]
    replaced = Event.objects.get(action="grant_started").before["replaced"]
    assert [grant["role"] for grant in replaced] == [upgrade]


def test_a_unit_change_ends_the_old_grant_the_day_before(specialist):
    old = f.GrantFactory(valid_from=D - 30 * DAY)
    other = f.UnitFactory()
    new = grant_change(
        request=Form("change", old.person, old.role, [other], grant=old), actor=specialist
    )
    old.refresh_from_db()
    assert (old.valid_to, new.valid_from, new.valid_to) == (D - DAY, D, None)
    assert held(specialist, D - DAY)[0][2] == [old.person.unit.code]
    assert held(specialist, D)[0][2] == [other.code]


def test_an_upgrade_without_a_named_grant_replaces_the_role_it_upgrades(specialist):
    schema = f.role("chef-schema")
    chef = f.GrantFactory(role=f.role("chef"), valid_from=D - 30 * DAY)
    grant_change(request=Form("change", chef.person, schema, [chef.person.unit]), actor=specialist)
    assert [r for _, r, _ in held(specialist, D - DAY)] == ["chef"]
    assert [r for _, r, _ in held(specialist, D)] == ["chef-schema"]


def test_a_change_without_a_grant_to_change_is_a_conflict(specialist):
    person = f.PersonFactory()
    with pytest.raises(Conflict):
        grant_change(
            request=Form("change", person, f.role("chef"), [person.unit]), actor=specialist
        )
    assert not Grant.objects.exists()


def test_an_end_request_date_is_the_last_day_held(specialist):
    grant = f.GrantFactory(valid_from=D - 30 * DAY)
    grant_end(request=Form("end", grant.person, grant.role, grant=grant), actor=specialist)
    assert len(held(specialist, D)) == 1
    assert held(specialist, D + DAY) == []
    assert Grant.objects.get().valid_to == D


def test_an_end_request_finds_the_open_grant_of_its_role(specialist):
    grant = f.GrantFactory(valid_from=D - 30 * DAY)
    grant_end(request=Form("end", grant.person, grant.role), actor=specialist)
    grant.refresh_from_db()
    assert grant.valid_to == D


def test_ending_before_the_start_is_refused(specialist):
    grant = f.GrantFactory(valid_from=D)
    with pytest.raises(DomainError) as error:
        grant_end_direct(grant=grant, actor=specialist, on=D - DAY)
    assert error.value.code == "ends_before_start"
    grant.refresh_from_db()
    assert grant.valid_to is None


def test_an_ended_grant_keeps_its_earlier_end(specialist):
    grant = f.GrantFactory(valid_from=D - 30 * DAY, valid_to=D - 10 * DAY)
    grant_end_direct(grant=grant, actor=specialist, on=D)
    grant.refresh_from_db()
    assert grant.valid_to == D - 10 * DAY


def test_a_manager_link_replaces_the_units_open_link(specialist):
    old = f.ManagerLinkFactory(valid_from=D - 300 * DAY)
    kept = f.ManagerLinkFactory(valid_from=D - 300 * DAY)
    new_manager = f.PersonFactory(unit=old.unit)
    kept_unit_new_manager = kept.manager
    manager_link_replace(
        request=Form("manager_link", new_manager, None, [old.unit]), actor=specialist
    )
    manager_link_replace(
        request=Form("manager_link", kept_unit_new_manager, None, [kept.unit]), actor=specialist
    )
    old.refresh_from_db()
    kept.refresh_from_db()
    assert old.valid_to == D - DAY
    assert kept.valid_to is None
    on_unit = ManagerLink.objects.active_on(D).get(unit=old.unit)
    assert on_unit.manager == new_manager
    assert ManagerLink.objects.active_on(D - DAY).get(unit=old.unit).manager == old.manager


def test_a_manager_link_cannot_start_before_the_open_one(specialist):
    old = f.ManagerLinkFactory(valid_from=D)
    with pytest.raises(Conflict):
        manager_link_replace(
            request=Form("manager_link", f.PersonFactory(), None, [old.unit]), actor=specialist
        )
    assert ManagerLink.objects.count() == 1


def test_grants_on_shows_a_manager_only_their_units():
    link = f.ManagerLinkFactory()
    mine = f.GrantFactory(person=f.PersonFactory(unit=link.unit))
    f.GrantFactory()
    manager = f.UserFactory(person=link.manager)
    assert [g.pk for g in grants_on(user=manager, on=D)] == [mine.pk]


def test_grants_on_filters_by_unit_and_employee(specialist):
    first, second = f.GrantFactory(), f.GrantFactory()
    assert [g.pk for g in grants_on(user=specialist, on=D, unit=first.person.unit.code)] == [
        first.pk
    ]
    assert [
        g.pk for g in grants_on(user=specialist, on=D, employee_id=second.person.employee_id)
    ] == [second.pk]


def test_a_named_grant_of_someone_else_is_refused(specialist):
    grant = f.GrantFactory(valid_from=D - 30 * DAY)
    other = f.PersonFactory()
    with pytest.raises(DomainError) as error:
        grant_end(request=Form("end", other, grant.role, grant=grant), actor=specialist)
    assert error.value.code == "grant_mismatch"
    grant.refresh_from_db()
    assert grant.valid_to is None


def test_each_register_act_writes_one_audit_event(specialist):
    person = f.PersonFactory()
    form = Form("grant", person, f.role("heromarapportor"), [person.unit])
    grant = grant_start(request=form, actor=specialist)
    grant_end_direct(grant=grant, actor=specialist, on=D + DAY)
    manager_link_replace(
        request=Form("manager_link", person, None, [person.unit]), actor=specialist
    )
    assert list(Event.objects.values_list("action", "actor")) == [
        ("grant_started", specialist.pk),
        ("grant_ended", specialist.pk),
        ("manager_link_replaced", specialist.pk),
    ]
    assert Event.objects.get(action="grant_ended").after["valid_to"] == (D + DAY).isoformat()
