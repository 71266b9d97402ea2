"""The eligibility adapter: facts from the database, decisions for one or many people."""

import datetime as dt

import pytest
from django.utils import translation
from django.utils.translation import gettext

from rollkoll.catalog.reasons import MESSAGES
from rollkoll.catalog.rules import Code, Verdict
from rollkoll.org.models import Organisation, Person
from rollkoll.register.models import Grant
from rollkoll.requests import eligibility
from rollkoll.requests.models import AccessRequest, RequestKind, RequestStatus
from rollkoll.training.selectors import course_codes_by_person
from tests.catalog.conftest import ROLES
from tests.factories import (
    BookingFactory,
    BusinessAreaFactory,
    CompletionFactory,
    GrantFactory,
    PersonFactory,
    UnitFactory,
    UserFactory,
    course,
    role,
)

pytestmark = pytest.mark.django_db

ON = dt.date(2026, 6, 1)


def trained(person: Person, *codes: str) -> Person:
    for code in codes:
        CompletionFactory(person=person, course=course(code))
    return person


def sas_unit():
    sas = Organisation.objects.get(code="SAS")
    return UnitFactory(business_area=BusinessAreaFactory(organisation=sas))


def test_check_reads_training_grants_and_the_unit():
    manager = trained(PersonFactory(), "intro", "chef-webb", "personaloversikt")
    BookingFactory(person=manager, course=course("kurs-chef"))
    assert eligibility.check(person=manager, role="chef", units=[manager.unit], on=ON).verdict == (
        Verdict.NOT_ELIGIBLE
    )
    GrantFactory(person=PersonFactory(unit=manager.unit), role=role("heromarapportor"))
    decision = eligibility.check(person=manager, role=role("chef"), units=[manager.unit], on=ON)
    assert decision.verdict == Verdict.PENDING_TRAINING
    assert decision.form_may_be_sent


def test_check_applies_the_rules_of_the_persons_organisation():
    reporter = trained(PersonFactory(unit=sas_unit()), "intro", "for-chefer")
    BookingFactory(person=reporter, course=course("kurs-heromarapportor"))
    decision = eligibility.check(
        person=reporter, role="heromarapportor", units=[reporter.unit], on=ON
    )
    assert decision.verdict == Verdict.PENDING_TRAINING
    assert not decision.form_may_be_sent


def test_only_grants_active_on_the_date_count():
    holder = trained(PersonFactory(), "intro", "personaloversikt", "kurs-heromarapportor")
    GrantFactory(person=holder, valid_from=dt.date(2024, 1, 1), valid_to=dt.date(2025, 12, 31))
    ended = eligibility.check(person=holder, role="heromarapportor", units=[holder.unit], on=ON)
    assert ended.verdict == Verdict.ELIGIBLE
    during = eligibility.check(
        person=holder, role="heromarapportor", units=[holder.unit], on=dt.date(2025, 6, 1)
    )
    assert [reason.code for reason in during.reasons] == [Code.ALREADY_HELD]


def deviations(decision):
    return [s.role for s in decision.suggestions if s.code == Code.MAPPING_DEVIATION]


@pytest.mark.parametrize(
    ("on", "mapped"), [(dt.date(2026, 2, 28), []), (dt.date(2026, 3, 1), ["chef"])]
)
def test_sas_mapping_flags_another_manager_role_from_2026_03_01(on, mapped):
    manager = PersonFactory(unit=sas_unit(), manager_kind="vardenhetschef")
    decision = eligibility.check(person=manager, role="chef-schema", units=[manager.unit], on=on)
    assert deviations(decision) == mapped


@pytest.mark.parametrize(
    ("code", "chef_course_done", "flagged"),
    [
        ("chef", False, False),  # the mapped role itself
        ("chef-webb", False, False),  # the interim role while waiting for the Chef course
        ("chef-webb", True, True),
        ("chef-schema", True, True),
        ("heromarapportor", True, False),  # not a manager role
    ],
)
def test_only_another_manager_role_deviates_from_the_mapping(code, chef_course_done, flagged):
    manager = trained(
        PersonFactory(unit=sas_unit(), manager_kind="enhetschef"), "intro", "for-chefer"
    )
    if chef_course_done:
        trained(manager, "kurs-chef")
    decision = eligibility.check(person=manager, role=code, units=[manager.unit], on=ON)
    assert deviations(decision) == (["chef"] if flagged else [])


def test_the_mapping_is_not_a_mass_change_of_existing_roles():
    """A SÄS manager holding Chef schema since before the mapping keeps it, unflagged."""
    manager = trained(
        PersonFactory(unit=sas_unit(), manager_kind="enhetschef"),
        "intro",
        "for-chefer",
        "kurs-chef-schema",
    )
    GrantFactory(person=manager, role=role("chef-schema"), valid_from=dt.date(2025, 1, 1))
    decisions = eligibility.check_many(
        people=Person.objects.filter(pk=manager.pk), roles=ROLES, on=ON
    )
    held = decisions[manager.pk, "chef-schema"]
    assert [reason.code for reason in held.reasons] == [Code.ALREADY_HELD]
    another_unit = eligibility.check(person=manager, role="chef-schema", units=[sas_unit()], on=ON)
    assert another_unit.verdict == Verdict.ELIGIBLE
    assert [s.code for s in another_unit.suggestions] == [Code.MAPPING_DEVIATION]


def applied_for(person: Person, code: str, status: str) -> None:
    """A form for the role on the person's unit, in the given status."""
    request = AccessRequest.objects.create(
        kind=RequestKind.GRANT,
        status=status,
        person=person,
        role=role(code),
        valid_from=ON,
        organisation=person.unit.business_area.organisation,
        requested_by=UserFactory(),
    )
    request.units.set([person.unit])


def test_a_heromarapportor_applied_for_on_the_unit_counts():
    manager = trained(PersonFactory(), "intro", "chef-webb")
    colleague = PersonFactory(unit=manager.unit)
    applied_for(colleague, "heromarapportor", RequestStatus.WITHDRAWN)
    withdrawn = eligibility.check(person=manager, role="chef-webb", units=[manager.unit], on=ON)
    assert withdrawn.verdict == Verdict.NOT_ELIGIBLE
    applied_for(colleague, "heromarapportor", RequestStatus.IN_REVIEW)
    pending = eligibility.check(person=manager, role="chef-webb", units=[manager.unit], on=ON)
    assert pending.verdict == Verdict.ELIGIBLE


def test_a_role_the_person_applied_for_counts_against_an_exclusive_one():
    person = trained(PersonFactory(), "intro", "chef-webb")
    GrantFactory(person=PersonFactory(unit=person.unit), role=role("heromarapportor"))
    applied_for(person, "schemaadministrator", RequestStatus.IN_REVIEW)
    decision = eligibility.check(person=person, role="chef-webb", units=[person.unit], on=ON)
    assert [reason.code for reason in decision.reasons] == [Code.EXCLUSIVE_CONFLICT]


def make_staff(count: int) -> None:
    for _ in range(count):
        person = trained(PersonFactory(unit=UnitFactory()), "intro", "personaloversikt")
        BookingFactory(person=person, course=course("kurs-heromarapportor"))
        GrantFactory(person=PersonFactory(unit=person.unit), role=role("heromarapportor"))


# people, training, grants by person, grants on units, pending by person and by unit, units,
# and seven for the catalog
QUERIES = 14


def test_check_many_in_a_constant_number_of_queries(django_assert_num_queries):
    make_staff(2)
    with django_assert_num_queries(QUERIES):
        few = eligibility.check_many(people=Person.objects.all(), roles=ROLES, on=ON)
    make_staff(6)
    with django_assert_num_queries(QUERIES):
        many = eligibility.check_many(people=Person.objects.all(), roles=ROLES, on=ON)
    assert len(few) == 4 * len(ROLES)
    assert len(many) == 16 * len(ROLES)


def test_check_many_agrees_with_check():
    make_staff(3)
    people = list(Person.objects.all())
    decisions = eligibility.check_many(people=people, roles=ROLES, on=ON)
    for person in people:
        for code in ROLES:
            single = eligibility.check(person=person, role=code, units=[person.unit], on=ON)
            assert decisions[person.pk, code] == single


def test_decision_json_has_the_api_shape():
    person = trained(PersonFactory(), "intro")
    decision = eligibility.check(person=person, role="chef-schema", units=[person.unit], on=ON)
    body = eligibility.decision_json(decision)
    assert body["verdict"] == "not_eligible"
    missing = [r for r in body["reasons"] if r["code"] == "course_missing"]
    assert {r["course"]["code"] for r in missing} == {"chef-webb", "personaloversikt"}
    first = missing[0]
    assert set(first) == {"code", "message", "action", "course"}
    assert first["message"].startswith("E-utbildningen Heroma")
    assert first["course"]["booking_url"].startswith("https://larportalen.example.org/")
    assert {s["code"] for s in body["suggestions"]} == {"interim_role_after_course"}
    assert set(body["suggestions"][0]) == {"code", "message", "role", "course"}


def test_training_selector_in_one_query(django_assert_num_queries):
    first = trained(PersonFactory(), "intro", "kurs-chef")
    BookingFactory(person=first, course=course("kurs-chef"))
    BookingFactory(person=first, course=course("kurs-heromarapportor"))
    second = PersonFactory()
    CompletionFactory(person=second, course=course("intro"), completed_on=dt.date(2026, 7, 1))
    with django_assert_num_queries(1):
        completed, booked = course_codes_by_person(Person.objects.values("pk"), ON)
    assert completed == {first.pk: {"intro", "kurs-chef"}}
    assert booked == {first.pk: {"kurs-heromarapportor"}}


def test_grants_of_other_people_elsewhere_do_not_count():
    person = trained(PersonFactory(), "intro", "chef-webb")
    GrantFactory(role=role("heromarapportor"))
    assert not Grant.objects.on_unit(person.unit).exists()
    decision = eligibility.check(person=person, role="chef-webb", units=[person.unit], on=ON)
    assert [reason.code for reason in decision.reasons] == [Code.NEEDS_ROLE_ON_UNIT]


def test_decision_json_speaks_the_active_language():
    person = trained(PersonFactory(), "intro", "personaloversikt")
    decision = eligibility.check(person=person, role="heromarapportor", units=[person.unit], on=ON)
    with translation.override("en"):
        [reason] = eligibility.decision_json(decision)["reasons"]
    assert reason["code"] == "classroom_course_not_booked"
    assert "Heroma – Heromarapportör" in reason["message"]
    assert reason["message"] != decision.reasons[0].message
    assert reason["action"] != decision.reasons[0].action


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_reason_text_has_an_english_translation(code):
    with translation.override("en"):
        for msgid in MESSAGES[code]:
            assert not msgid or gettext(msgid) != msgid
