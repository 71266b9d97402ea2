"""After `migrate` alone, the published catalog is complete."""

import datetime as dt
import importlib

import pytest
from django.apps import apps

from rollkoll.catalog.models import (
    ApprovalRoute,
    ApprovalStage,
    Course,
    FormTiming,
    HelpLink,
    ManagerKindMapping,
    Role,
    RoleCourseRequirement,
    UpgradePath,
)
from rollkoll.catalog.selectors import policy_for
from rollkoll.org.models import ManagerKind, Organisation
from tests.catalog.conftest import E_LEARNING_SAS, E_LEARNING_VGR

pytestmark = pytest.mark.django_db

COURSES = {
    "intro": ("e_learning", "Heroma – Introduktion"),
    "chef-webb": ("e_learning", "Heroma – Chef webb"),
    "personaloversikt": ("e_learning", "Heroma – Personalöversikt"),
    "for-chefer": ("e_learning", "Heroma – För chefer"),
    "kurs-chef-schema": ("classroom", "2 dagar"),
    "kurs-chef": ("classroom", "1 dag"),
    "kurs-heromarapportor": ("classroom", "2 dagar"),
    "kurs-administrativt-stod": ("classroom", "1 dag"),
    "kurs-uppgradering": ("classroom", "Halvdag"),
}
CLASSROOM = {
    "chef-schema": "kurs-chef-schema",
    "chef": "kurs-chef",
    "chef-webb": None,
    "heromarapportor": "kurs-heromarapportor",
    "administrativt-stod": "kurs-administrativt-stod",
    "schemaadministrator": None,
}


def test_every_course_with_its_kind_name_or_length_and_links():
    courses = {course.code: course for course in Course.objects.all()}
    assert set(courses) == set(COURSES)
    for code, (kind, name_or_length) in COURSES.items():
        course = courses[code]
        assert course.kind == kind
        assert name_or_length in (course.name, course.duration)
        assert course.booking_url.startswith("https://larportalen.example.org/")
        assert course.material_url
        assert course.description


def test_every_role_with_its_classroom_course_and_texts():
    roles = {role.code: role for role in Role.objects.select_related("classroom_course")}
    assert set(roles) == set(CLASSROOM)
    for code, course in CLASSROOM.items():
        role = roles[code]
        assert (role.classroom_course.code if role.classroom_course else None) == course
        assert all([role.audience, role.content, role.notes])


def test_exclusive_interim_needs_upgrades_and_recommendations():
    roles = {role.code: role for role in Role.objects.all()}
    exclusive = {code for code, role in roles.items() if role.exclusive}
    assert exclusive == {"chef", "chef-webb", "administrativt-stod", "schemaadministrator"}
    interim = {code: role.interim_role.code for code, role in roles.items() if role.interim_role}
    assert interim == {"chef": "chef-webb", "chef-schema": "chef-webb"}
    needs = {
        code: {other.code for other in role.requires_on_unit.all()}
        for code, role in roles.items()
        if role.requires_on_unit.exists()
    }
    assert needs == {
        "chef": {"heromarapportor"},
        "chef-webb": {"heromarapportor"},
        "administrativt-stod": {"heromarapportor", "chef-schema"},
    }
    paths = {
        (path.from_role.code, path.to_role.code, path.course.code)
        for path in UpgradePath.objects.all()
    }
    assert paths == {
        ("chef", "chef-schema", "kurs-uppgradering"),
        ("administrativt-stod", "heromarapportor", "kurs-uppgradering"),
    }
    recommended = roles["schemaadministrator"].recommended_courses.all()
    assert {course.code for course in recommended} == {"intro", "personaloversikt"}


def test_required_e_learning_by_default_and_at_sas():
    sas = Organisation.objects.get(code="SAS")
    assert sas.name == "Södra Älvsborgs Sjukhus"
    for organisation, expected in [(None, E_LEARNING_VGR), (sas, E_LEARNING_SAS)]:
        policy = policy_for(organisation, dt.date(2026, 6, 1))
        required = {
            code: {course.code for course in spec.required_courses}
            for code, spec in policy.roles.items()
        }
        assert required == expected


def test_form_timing_default_at_booking_and_sas_after_training():
    timings = {
        row.organisation.code if row.organisation else None: row.timing
        for row in FormTiming.objects.all()
    }
    assert timings == {None: "at_booking", "SAS": "after_training"}


def test_sas_maps_every_manager_kind_to_chef_from_2026_03_01():
    rows = ManagerKindMapping.objects.select_related("organisation", "role")
    assert {row.manager_kind for row in rows} == {kind for kind in ManagerKind.values if kind}
    assert {(row.organisation.code, row.role.code, row.valid_from) for row in rows} == {
        ("SAS", "chef", dt.date(2026, 3, 1))
    }


def test_approval_routes_default_and_sas():
    routes = {
        route.organisation.code if route.organisation else None: [
            (stage.approver_group, stage.sla_working_days) for stage in route.stages.all()
        ]
        for route in ApprovalRoute.objects.all()
    }
    assert routes == {None: [("specialist", 5)], "SAS": [("coordinator", 2), ("specialist", 5)]}
    assert ApprovalRoute.objects.get(organisation=None).name == "Löneservice specialistsupport"


def test_help_links_like_the_support_page():
    links = list(HelpLink.objects.all())
    titles = " ".join(link.title for link in links)
    for word in ["Barium", "Guide för chefer", "hälsoSAM Webb", "lönesättning", "ISP"]:
        assert word in titles
    assert all(link.url.startswith("https://") and "example.org" in link.url for link in links)
    assert {link.version for link in links} >= {"2023-09-11", "2023-01-18"}


def test_policy_for_in_a_fixed_number_of_queries(django_assert_num_queries):
    sas = Organisation.objects.get(code="SAS")
    for organisation in [None, sas]:
        with django_assert_num_queries(7):
            policy_for(organisation, dt.date(2026, 6, 1), "enhetschef")


def test_a_rule_row_applies_only_within_its_dates():
    sas = Organisation.objects.get(code="SAS")
    FormTiming.objects.filter(organisation=sas).update(valid_to=dt.date(2026, 12, 31))
    assert policy_for(sas, dt.date(2026, 12, 31)).form_timing == "after_training"
    assert policy_for(sas, dt.date(2027, 1, 1)).form_timing == "at_booking"


def test_loading_the_catalog_again_changes_nothing():
    """The migration's loader uses natural keys, so a second run adds no rows."""
    models = [
        Course,
        Role,
        RoleCourseRequirement,
        UpgradePath,
        FormTiming,
        ManagerKindMapping,
        ApprovalRoute,
        ApprovalStage,
        HelpLink,
    ]
    before = {model: model.objects.count() for model in models}
    migration = importlib.import_module("rollkoll.catalog.migrations.0003_catalog_data")
    migration.load_catalog(apps, None)
    assert {model: model.objects.count() for model in models} == before
