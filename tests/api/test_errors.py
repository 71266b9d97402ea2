"""Every API error is JSON `{"error", "detail"}`, never an HTML page or a stack trace."""

import pytest
from rest_framework.test import APIClient

from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    client = APIClient()
    client.force_login(f.UserFactory(app_roles=["specialist"]))
    return client


def assert_error(response, status, code=None):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) >= {"error", "detail"}
    assert isinstance(body["detail"], str)
    assert body["detail"]
    if code:
        assert body["error"] == code
    return body


def test_anonymous_callers_are_refused_in_json():
    assert_error(APIClient().get("/api/v1/grants/"), 403, "not_authenticated")


def test_a_bad_token_is_refused_in_json():
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    assert_error(client.get("/api/v1/grants/"), 403, "authentication_failed")


def test_an_unknown_address_is_not_found_in_json(client):
    assert_error(client.get("/api/v1/no-such-thing/"), 404, "not_found")


def test_a_wrong_method_is_refused_in_json(client):
    assert_error(client.delete("/api/v1/grants/"), 405, "method_not_allowed")


def test_malformed_json_is_a_json_error(client):
    response = client.post("/api/v1/requests/", "{not json", content_type="application/json")
    assert_error(response, 400, "parse_error")


def test_invalid_input_names_the_fields(client):
    body = assert_error(client.post("/api/v1/requests/", {}, format="json"), 400, "invalid")
    assert {"kind", "employee_id", "units", "valid_from"} <= set(body["fields"])


@pytest.mark.urls("tests.api.boom")
def test_a_server_error_shows_no_internals(client):
    body = assert_error(client.get("/api/boom/"), 500, "server_error")
    assert "secret" not in str(body)
    assert "Traceback" not in str(body)


@pytest.mark.postgres
def test_a_value_the_database_refuses_is_a_400_in_json(client):
    """PostgreSQL refuses NUL bytes in text; that is bad input, not a server error."""
    assert_error(client.get("/api/v1/roles/ch%00ef/"), 400, "invalid")
