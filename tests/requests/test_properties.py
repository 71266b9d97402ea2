"""Properties of the whole flow: what the engine lets through is carried out, and
the register never holds an exclusive role together with another.

Random sequences of forms (grant, change, end; any role; two units; dates in any
order) for one SÄS employee who has every course go through the services as the
real actors would. A form refused when it is prepared or signed is fine: that is
the earliest step. A form that was signed must be approved and carried out.
"""

import datetime as dt
from collections import defaultdict

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rollkoll.catalog.models import Course, Role
from rollkoll.errors import DomainError
from rollkoll.register.models import Grant
from rollkoll.requests.models import RequestStatus
from rollkoll.requests.services import (
    request_approve,
    request_carry_out,
    request_create,
    requests_sign,
)
from tests.factories import PASSWORD, GrantFactory, ManagerLinkFactory, PersonFactory, UnitFactory
from tests.requests.flow import START, completed, make_world

pytestmark = pytest.mark.django_db

ROLES = sorted(
    [
        "chef",
        "chef-schema",
        "chef-webb",
        "heromarapportor",
        "administrativt-stod",
        "schemaadministrator",
    ]
)
forms = st.lists(
    st.tuples(
        st.sampled_from(["grant", "change", "end"]),
        st.sampled_from(ROLES),
        st.integers(0, 1),
        st.integers(0, 60),
    ),
    min_size=1,
    max_size=8,
)


def world_with_two_units(initial):
    """The SÄS world with a second unit of the manager's; the employee holds `initial`."""
    world = make_world()
    second = UnitFactory(business_area=world.area, parent=world.parent)
    ManagerLinkFactory(unit=second, manager=world.manager.person)
    holder = PersonFactory(unit=world.unit)
    GrantFactory(person=holder, units=[world.unit], valid_from=START - dt.timedelta(days=400))
    completed(world.employee, *Course.objects.values_list("code", flat=True))
    if initial:
        GrantFactory(person=world.employee, role=Role.objects.get(code=initial), units=[world.unit])
    return world, [world.unit, second]


def prepared(world, kind, code, unit, valid_from):
    """The signed form, or None when the flow refuses it before or at signing."""
    try:
        request = request_create(
            actor=world.manager,
            kind=kind,
            person=world.employee,
            role=Role.objects.get(code=code),
            units=[unit],
            valid_from=valid_from,
        )
        [request] = requests_sign(requests=[request], actor=world.manager, password=PASSWORD)
    except DomainError:
        return None
    return request


def carried_out(world, request):
    while request.status == RequestStatus.IN_REVIEW and request.stage == 1:
        request = request_approve(request=request, actor=world.coordinator)
    return request_carry_out(request=request, actor=world.specialist)


def assert_no_exclusive_role_shared_a_day(person):
    exclusive = set(Role.objects.filter(exclusive=True).values_list("code", flat=True))
    grants = list(
        Grant.objects.filter(person=person).values_list("role__code", "valid_from", "valid_to")
    )
    days = {day for _, start, end in grants for day in (start, end) if day}
    for day in days:
        held = defaultdict(int)
        for code, start, end in grants:
            if start <= day and (end is None or end >= day):
                held[code] += 1
        assert not (exclusive & held.keys() and len(held) > 1), (day, dict(held))


@given(initial=st.sampled_from([None, *ROLES]), forms=forms)
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_a_signed_form_is_carried_out_and_exclusive_roles_stay_alone(initial, forms):
    with transaction.atomic():
        world, units = world_with_two_units(initial)
        for kind, code, unit, offset in forms:
            request = prepared(world, kind, code, units[unit], START + dt.timedelta(days=offset))
            if request is None:
                continue
            assert carried_out(world, request).status == RequestStatus.COMPLETED
            assert_no_exclusive_role_shared_a_day(world.employee)
        transaction.set_rollback(True)
