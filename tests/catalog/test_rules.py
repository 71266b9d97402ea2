"""One example per rule of the published catalog, through the engine and the real catalog."""

import pytest

from rollkoll.catalog import rules
from rollkoll.catalog.rules import Code, Verdict
from tests.catalog.conftest import E_LEARNING_SAS, E_LEARNING_VGR, codes, person, unit

CHEF_E_LEARNING = "intro chef-webb personaloversikt"
RAPPORTOR_PRESENT = unit(present="heromarapportor")


def evaluate(policy, role, facts, units=(RAPPORTOR_PRESENT,)):
    return rules.evaluate(role=role, policy=policy, person=facts, units=list(units))


@pytest.mark.parametrize(("role", "required"), sorted(E_LEARNING_VGR.items()))
def test_each_role_needs_its_e_learning_at_vgr(policies, role, required):
    decision = evaluate(policies.vgr(), role, person(), [unit(present="heromarapportor")])
    missing = {r.course.code for r in decision.reasons if r.code == Code.COURSE_MISSING}
    assert missing == required


@pytest.mark.parametrize(("role", "required"), sorted(E_LEARNING_SAS.items()))
def test_each_role_needs_its_e_learning_at_sas(policies, role, required):
    decision = evaluate(policies.sas(), role, person(), [unit(present="heromarapportor")])
    missing = {r.course.code for r in decision.reasons if r.code == Code.COURSE_MISSING}
    assert missing == required


def test_missing_e_learning_names_the_course_and_its_booking_link(policies):
    decision = evaluate(policies.vgr(), "chef", person(completed="intro chef-webb kurs-chef"))
    assert decision.verdict == Verdict.NOT_ELIGIBLE
    [reason] = decision.reasons
    assert reason.code == Code.COURSE_MISSING
    assert reason.course.code == "personaloversikt"
    assert reason.course.booking_url.startswith("https://")
    assert "Heroma – Personalöversikt" in reason.message


def test_classroom_course_not_booked_blocks_and_points_to_the_booking(policies):
    decision = evaluate(policies.vgr(), "chef-schema", person(completed=CHEF_E_LEARNING))
    assert decision.verdict == Verdict.NOT_ELIGIBLE
    assert codes(decision) == [Code.CLASSROOM_COURSE_NOT_BOOKED]
    assert decision.reasons[0].course.code == "kurs-chef-schema"
    assert "Lärportalen" in decision.reasons[0].action


def test_completed_training_makes_eligible_without_reasons(policies):
    facts = person(completed=f"{CHEF_E_LEARNING} kurs-chef-schema")
    decision = evaluate(policies.vgr(), "chef-schema", facts)
    assert decision.verdict == Verdict.ELIGIBLE
    assert decision.reasons == ()


def test_course_booked_before_e_learning_passed_is_not_enough(policies):
    """Innan anmälan måste man ha godkända utbildningar."""
    facts = person(completed="intro", booked="kurs-heromarapportor")
    decision = evaluate(policies.vgr(), "heromarapportor", facts)
    assert decision.verdict == Verdict.NOT_ELIGIBLE
    assert Code.COURSE_MISSING in codes(decision)


def test_vgr_lets_the_form_go_at_booking(policies):
    facts = person(completed="intro personaloversikt", booked="kurs-heromarapportor")
    decision = evaluate(policies.vgr(), "heromarapportor", facts)
    assert decision.verdict == Verdict.PENDING_TRAINING
    assert codes(decision) == [Code.CLASSROOM_COURSE_BOOKED]
    assert decision.form_may_be_sent


def test_sas_sends_the_form_only_after_training(policies):
    facts = person(completed="intro for-chefer", booked="kurs-heromarapportor")
    decision = evaluate(policies.sas(), "heromarapportor", facts)
    assert decision.verdict == Verdict.PENDING_TRAINING
    assert codes(decision) == [Code.CLASSROOM_COURSE_NOT_COMPLETED]
    assert not decision.form_may_be_sent
    done = person(completed="intro for-chefer kurs-heromarapportor")
    assert evaluate(policies.sas(), "heromarapportor", done).verdict == Verdict.ELIGIBLE


@pytest.mark.parametrize(
    ("where", "e_learning"), [("vgr", "intro chef-webb"), ("sas", "intro for-chefer")]
)
def test_chef_webb_form_goes_after_its_e_learning_everywhere(policies, where, e_learning):
    policy = getattr(policies, where)()
    assert evaluate(policy, "chef-webb", person(completed="intro")).verdict == Verdict.NOT_ELIGIBLE
    decision = evaluate(policy, "chef-webb", person(completed=e_learning))
    assert decision.verdict == Verdict.ELIGIBLE
    assert decision.form_may_be_sent


@pytest.mark.parametrize(
    ("exclusive", "other"),
    [
        ("chef", "heromarapportor"),
        ("chef-webb", "heromarapportor"),
        ("administrativt-stod", "chef-schema"),
        ("schemaadministrator", "heromarapportor"),
    ],
)
def test_exclusive_roles_cannot_be_combined_with_another_role(policies, exclusive, other):
    holding_other = evaluate(policies.vgr(), exclusive, person(held=other, completed="intro"))
    assert Code.EXCLUSIVE_CONFLICT in codes(holding_other)
    holding_exclusive = evaluate(policies.vgr(), other, person(held=exclusive))
    assert Code.EXCLUSIVE_CONFLICT in codes(holding_exclusive)


def test_schemaadministrator_cannot_be_combined_even_with_a_pending_role(policies):
    decision = evaluate(policies.vgr(), "schemaadministrator", person(pending="chef-schema"))
    assert decision.verdict == Verdict.NOT_ELIGIBLE
    assert codes(decision) == [Code.EXCLUSIVE_CONFLICT]
    assert "Chef schema" in decision.reasons[0].message


def test_roles_that_are_not_exclusive_combine(policies):
    facts = person(held="chef-schema", completed="intro personaloversikt kurs-heromarapportor")
    assert evaluate(policies.vgr(), "heromarapportor", facts).verdict == Verdict.ELIGIBLE


@pytest.mark.parametrize("role", ["chef", "chef-webb"])
def test_chef_roles_need_a_heromarapportor_on_every_unit(policies, role):
    facts = person(completed=f"{CHEF_E_LEARNING} kurs-chef")
    units = [unit(present="heromarapportor", code="4711"), unit(present="chef-schema", code="4712")]
    decision = evaluate(policies.vgr(), role, facts, units)
    assert decision.verdict == Verdict.NOT_ELIGIBLE
    [reason] = decision.reasons
    assert reason.code == Code.NEEDS_ROLE_ON_UNIT
    assert reason.params["unit"] == "4712"


def test_a_pending_heromarapportor_on_the_unit_counts(policies):
    """The adapter puts roles applied for on the unit into roles_present."""
    facts = person(completed="intro chef-webb")
    assert evaluate(policies.vgr(), "chef-webb", facts, [unit()]).verdict == Verdict.NOT_ELIGIBLE
    pending = unit(present="heromarapportor")
    assert evaluate(policies.vgr(), "chef-webb", facts, [pending]).verdict == Verdict.ELIGIBLE


@pytest.mark.parametrize(
    ("present", "verdict"),
    [
        ("heromarapportor", Verdict.ELIGIBLE),
        ("chef-schema", Verdict.ELIGIBLE),
        ("chef", Verdict.NOT_ELIGIBLE),
    ],
)
def test_administrativt_stod_needs_a_heromarapportor_or_chef_schema(policies, present, verdict):
    facts = person(completed="intro personaloversikt kurs-administrativt-stod")
    decision = evaluate(policies.vgr(), "administrativt-stod", facts, [unit(present=present)])
    assert decision.verdict == verdict


def test_interim_role_is_suggested_while_waiting_for_the_course(policies):
    decision = evaluate(
        policies.vgr(), "chef", person(completed=CHEF_E_LEARNING, booked="kurs-chef")
    )
    assert decision.verdict == Verdict.PENDING_TRAINING
    interim = [s for s in decision.suggestions if s.code == Code.INTERIM_ROLE]
    assert [s.role for s in interim] == ["chef-webb"]


def test_interim_role_is_suggested_with_the_e_learning_it_still_needs(policies):
    decision = evaluate(policies.vgr(), "chef-schema", person(completed="intro personaloversikt"))
    [interim] = [s for s in decision.suggestions if s.role == "chef-webb"]
    assert interim.code == Code.INTERIM_ROLE_AFTER_COURSE
    assert interim.course.code == "chef-webb"


def test_interim_role_is_not_suggested_once_the_course_is_done(policies):
    facts = person(completed=f"{CHEF_E_LEARNING} kurs-chef")
    decision = evaluate(policies.vgr(), "chef", facts)
    assert decision.verdict == Verdict.ELIGIBLE
    assert not [s for s in decision.suggestions if s.role == "chef-webb"]


@pytest.mark.parametrize("role", ["chef", "chef-schema"])
def test_the_full_role_replaces_the_interim_role(policies, role):
    facts = person(completed=f"{CHEF_E_LEARNING} kurs-chef kurs-chef-schema", held="chef-webb")
    decision = evaluate(policies.vgr(), role, facts)
    assert decision.verdict == Verdict.ELIGIBLE


def test_the_interim_role_does_not_replace_the_full_role(policies):
    facts = person(completed=CHEF_E_LEARNING, held="chef")
    assert Code.EXCLUSIVE_CONFLICT in codes(evaluate(policies.vgr(), "chef-webb", facts))


@pytest.mark.parametrize(
    ("held", "role", "e_learning"),
    [
        ("chef", "chef-schema", CHEF_E_LEARNING),
        ("administrativt-stod", "heromarapportor", "intro personaloversikt"),
    ],
)
def test_upgrade_needs_only_the_half_day_course(policies, held, role, e_learning):
    waiting = evaluate(policies.vgr(), role, person(completed=e_learning, held=held))
    assert codes(waiting) == [Code.CLASSROOM_COURSE_NOT_BOOKED]
    assert waiting.reasons[0].course.code == "kurs-uppgradering"
    assert [s.course.code for s in waiting.suggestions if s.code == Code.UPGRADE_COURSE] == [
        "kurs-uppgradering"
    ]
    facts = person(completed=f"{e_learning} kurs-uppgradering", held=held)
    assert evaluate(policies.vgr(), role, facts).verdict == Verdict.ELIGIBLE


def test_upgrade_course_alone_is_not_enough_without_the_from_role(policies):
    facts = person(completed=f"{CHEF_E_LEARNING} kurs-uppgradering")
    decision = evaluate(policies.vgr(), "chef-schema", facts)
    assert decision.reasons[0].course.code == "kurs-chef-schema"


def test_already_held_on_every_unit_asked_for(policies):
    facts = person(completed="intro personaloversikt kurs-heromarapportor", held="heromarapportor")
    mine = unit(present="heromarapportor", mine="heromarapportor")
    assert codes(evaluate(policies.vgr(), "heromarapportor", facts, [mine])) == [Code.ALREADY_HELD]
    other = unit(code="4712")
    more = evaluate(policies.vgr(), "heromarapportor", facts, [mine, other])
    assert more.verdict == Verdict.ELIGIBLE


def test_unknown_role(policies):
    decision = evaluate(policies.vgr(), "superchef", person())
    assert codes(decision) == [Code.UNKNOWN_ROLE]


def test_schemaadministrator_needs_no_course_and_recommends_two(policies):
    decision = evaluate(policies.vgr(), "schemaadministrator", person(), [unit()])
    assert decision.verdict == Verdict.ELIGIBLE
    recommended = [s.course.code for s in decision.suggestions]
    assert recommended == ["intro", "personaloversikt"]
    taken = evaluate(policies.vgr(), "schemaadministrator", person(completed="intro"), [unit()])
    assert [s.course.code for s in taken.suggestions] == ["personaloversikt"]
