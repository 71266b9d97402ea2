"""GET /api/v1/roles/ and /api/v1/courses/: the catalog for any signed-in user."""

import pytest
from rest_framework.test import APIClient

from tests.catalog.conftest import ROLES
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    client = APIClient()
    client.force_authenticate(UserFactory())
    return client


@pytest.mark.parametrize("url", ["/api/v1/roles/", "/api/v1/courses/"])
def test_signed_out_callers_get_a_json_error(url):
    response = APIClient().get(url)
    assert response.status_code in (401, 403)
    assert set(response.json()) == {"error", "detail"}


def test_roles_carry_their_rules(api, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        response = api.get("/api/v1/roles/")
    assert response.status_code == 200
    roles = {role["code"]: role for role in response.json()["results"]}
    assert list(roles) == ROLES
    chef = roles["chef"]
    assert chef["classroom_course"]["code"] == "kurs-chef"
    assert chef["exclusive"] is True
    assert chef["interim_role"] == "chef-webb"
    assert chef["requires_on_unit"] == ["heromarapportor"]
    assert {"from_role": "chef", "to_role": "chef-schema"}.items() <= chef["upgrades"][0].items()
    required = {(r["course"]["code"], r["organisation"]) for r in chef["required_courses"]}
    assert required == {
        ("intro", None),
        ("chef-webb", None),
        ("personaloversikt", None),
        ("intro", "SAS"),
        ("for-chefer", "SAS"),
    }
    assert roles["chef-webb"]["classroom_course"] is None
    assert set(roles["administrativt-stod"]["requires_on_unit"]) == {
        "heromarapportor",
        "chef-schema",
    }


def test_one_role_by_code(api):
    response = api.get("/api/v1/roles/schemaadministrator/")
    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Schemaadministratör (ISP)"
    assert [course["code"] for course in body["recommended_courses"]] == [
        "intro",
        "personaloversikt",
    ]
    assert api.get("/api/v1/roles/okand/").json()["error"] == "not_found"


def test_courses_with_booking_links_filtered_by_kind(api):
    response = api.get("/api/v1/courses/", {"kind": "classroom"})
    assert response.status_code == 200
    courses = {course["code"]: course for course in response.json()["results"]}
    assert set(courses) == {
        "kurs-chef-schema",
        "kurs-chef",
        "kurs-heromarapportor",
        "kurs-administrativt-stod",
        "kurs-uppgradering",
    }
    assert courses["kurs-uppgradering"]["duration"] == "Halvdag"
    assert courses["kurs-chef"]["booking_url"].startswith("https://larportalen.example.org/")
    assert api.get("/api/v1/courses/intro/").json()["name"] == "Heroma – Introduktion"
