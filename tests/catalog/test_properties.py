"""Invariants of the engine over generated facts, under the real VGR and SÄS policies."""

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from rollkoll.catalog import rules
from rollkoll.catalog.reasons import REASON_CODES, SUGGESTION_CODES, Code
from rollkoll.catalog.rules import Verdict
from tests.catalog.conftest import COURSES, ROLES

RANK = {Verdict.NOT_ELIGIBLE: 0, Verdict.PENDING_TRAINING: 1, Verdict.ELIGIBLE: 2}
WAITING = {Code.CLASSROOM_COURSE_BOOKED, Code.CLASSROOM_COURSE_NOT_COMPLETED}

codes = st.frozensets(st.sampled_from(COURSES))
roles = st.frozensets(st.sampled_from(ROLES), max_size=3)
people = st.builds(
    rules.PersonFacts, completed=codes, booked=codes, held_roles=roles, pending_roles=roles
)
units = st.lists(
    st.builds(
        rules.UnitFacts,
        code=st.sampled_from(["4711", "4712", "4713"]),
        roles_present=roles,
        person_roles=roles,
    ),
    max_size=3,
)
cases = st.tuples(
    st.sampled_from(["vgr", "sas"]),
    st.sampled_from(["", "enhetschef"]),
    st.sampled_from([*ROLES, "okand"]),
    people,
    units,
)


def decide(policies, case, **changes):
    where, kind, role, person, on_units = case
    policy = getattr(policies, where)(kind)
    person = dataclasses.replace(person, **changes)
    return rules.evaluate(role=role, policy=policy, person=person, units=on_units)


@given(case=cases)
def test_verdict_matches_its_reasons(policies, case):
    decision = decide(policies, case)
    if decision.verdict == Verdict.ELIGIBLE:
        assert decision.reasons == ()
    elif decision.verdict == Verdict.PENDING_TRAINING:
        assert decision.reasons
        assert {reason.code for reason in decision.reasons} <= WAITING
    else:
        assert {r.code for r in decision.reasons} - WAITING


@given(case=cases)
def test_every_code_is_known_and_every_text_filled(policies, case):
    decision = decide(policies, case)
    for reason in decision.reasons:
        assert reason.code in REASON_CODES
        assert reason.message
        assert reason.action
    for suggestion in decision.suggestions:
        assert suggestion.code in SUGGESTION_CODES
        assert suggestion.message


@given(case=cases, course=st.sampled_from(COURSES))
def test_a_completion_never_makes_the_verdict_worse(policies, case, course):
    before = decide(policies, case)
    after = decide(policies, case, completed=case[3].completed | {course})
    assert RANK[after.verdict] >= RANK[before.verdict]


@given(case=cases, course=st.sampled_from(COURSES))
def test_a_booking_never_makes_the_verdict_worse(policies, case, course):
    before = decide(policies, case)
    after = decide(policies, case, booked=case[3].booked | {course})
    assert RANK[after.verdict] >= RANK[before.verdict]


@given(case=cases, other=st.sampled_from(ROLES))
def test_a_role_held_by_someone_on_the_unit_never_makes_the_verdict_worse(policies, case, other):
    where, kind, role, person, on_units = case
    before = decide(policies, case)
    richer = [dataclasses.replace(u, roles_present=u.roles_present | {other}) for u in on_units]
    after = decide(policies, (where, kind, role, person, richer))
    assert RANK[after.verdict] >= RANK[before.verdict]


@given(first=cases, second=cases)
def test_deterministic_and_the_memo_never_changes_an_answer(policies, first, second):
    where, kind, role, person, on_units = first
    shared = getattr(policies, where)(kind)
    rules.evaluate(role=second[2], policy=shared, person=second[3], units=second[4])
    warm = rules.evaluate(role=role, policy=shared, person=person, units=on_units)
    assert warm == decide(policies, first)


def course_refs(draw, pool):
    return tuple(
        rules.CourseRef(code, code) for code in draw(st.lists(pool, unique=True, max_size=3))
    )


@st.composite
def generated_policies(draw):
    """Policies with any rules, beyond the published catalog."""
    pool = st.sampled_from(COURSES)
    codes_ = draw(st.lists(st.sampled_from(ROLES), min_size=1, unique=True))
    specs = {}
    for code in codes_:
        upgrades = draw(st.lists(st.sampled_from(codes_), unique=True, max_size=2))
        specs[code] = rules.RoleSpec(
            code=code,
            name=code,
            required_courses=course_refs(draw, pool),
            classroom_course=draw(st.none() | pool.map(lambda c: rules.CourseRef(c, c))),
            exclusive=draw(st.booleans()),
            interim_role=draw(st.none() | st.sampled_from(codes_)),
            requires_on_unit=draw(st.frozensets(st.sampled_from(codes_), max_size=2)),
            upgrades_from={
                other: rules.CourseRef("kurs-uppgradering", "")
                for other in upgrades
                if other != code
            },
            recommended_courses=course_refs(draw, pool),
        )
    return rules.Policy(
        roles=specs,
        form_timing=draw(st.sampled_from(rules.FormTiming)),
        mapped_role=draw(st.none() | st.sampled_from(codes_)),
    )


@given(
    policy=generated_policies(),
    role=st.sampled_from(ROLES),
    person=people,
    on_units=units,
    extra=st.sampled_from(COURSES),
    booked=st.booleans(),
)
def test_any_rules_memo_never_changes_an_answer(policy, role, person, on_units, extra, booked):
    """A memo entry for one person is never served to a person with one more record."""
    richer = dataclasses.replace(
        person,
        **(
            {"booked": person.booked | {extra}}
            if booked
            else {"completed": person.completed | {extra}}
        ),
    )
    rules.evaluate(role=role, policy=policy, person=person, units=on_units)
    warm = rules.evaluate(role=role, policy=policy, person=richer, units=on_units)
    cold = rules.evaluate(
        role=role, policy=dataclasses.replace(policy), person=richer, units=on_units
    )
    assert warm == cold
    assert warm.verdict != Verdict.ELIGIBLE or warm.reasons == ()


def test_the_memo_tells_apart_people_who_differ_only_in_the_interim_roles_course():
    course = rules.CourseRef("kurs-chef", "kurs-chef")
    policy = rules.Policy(
        roles={
            "chef": rules.RoleSpec("chef", "Chef", classroom_course=course, interim_role="webb"),
            "webb": rules.RoleSpec("webb", "Webb", (rules.CourseRef("chef-webb", "chef-webb"),)),
        }
    )
    without = rules.evaluate(role="chef", policy=policy, person=rules.PersonFacts(), units=[])
    with_course = rules.PersonFacts(completed=frozenset({"chef-webb"}))
    warm = rules.evaluate(role="chef", policy=policy, person=with_course, units=[])
    assert [s.code for s in without.suggestions] == [Code.INTERIM_ROLE_AFTER_COURSE]
    assert [s.code for s in warm.suggestions] == [Code.INTERIM_ROLE]
