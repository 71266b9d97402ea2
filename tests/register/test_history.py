"""Property: after any sequence of changes, the register answers "who held what on D"."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rollkoll.register.selectors import grants_on
from rollkoll.register.services import grant_change, grant_end, grant_start
from tests import factories as f
from tests.register.test_services import Form

pytestmark = pytest.mark.django_db

START = dt.date(2025, 1, 1)
NEXT_ROLE = {"chef": "chef-schema", "chef-schema": "chef-schema"}


steps = st.lists(
    st.tuples(st.integers(1, 90), st.sampled_from(["move", "upgrade", "end"])),
    min_size=1,
    max_size=6,
)


def expected_on(timeline, day):
    return [(role, units) for start, end, role, units in timeline if start <= day <= (end or day)]


@given(steps=steps)
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_every_day_has_the_grant_of_the_latest_change(steps):
    with transaction.atomic():
        specialist = f.UserFactory(app_roles=["specialist"])
        units = [f.UnitFactory() for _ in range(3)]
        person = f.PersonFactory(unit=units[0])
        role, unit, day = "chef", 0, START
        grant_start(
            request=Form("grant", person, f.role(role), [units[0]], valid_from=START),
            actor=specialist,
        )
        timeline = [[START, None, role, [units[0].code]]]
        for gap, step in steps:
            day += dt.timedelta(days=gap)
            if step == "end":
                grant_end(
                    request=Form("end", person, f.role(role), valid_from=day), actor=specialist
                )
                timeline[-1][1] = day
                break
            role = NEXT_ROLE[role] if step == "upgrade" else role
            unit = unit if step == "upgrade" else (unit + 1) % len(units)
            form = Form("change", person, f.role(role), [units[unit]], valid_from=day)
            grant_change(request=form, actor=specialist)
            timeline[-1][1] = day - dt.timedelta(days=1)
            timeline.append([day, None, role, [units[unit].code]])

        for start, end, *_ in timeline:
            for probe in {
                start - dt.timedelta(days=1),
                start,
                end or start,
                (end or start) + dt.timedelta(days=1),
            }:
                held = [
                    (g.role.code, g.unit_codes())
                    for g in grants_on(user=specialist, on=probe, employee_id=person.employee_id)
                ]
                assert held == expected_on(timeline, probe), probe
        transaction.set_rollback(True)
