"""The OpenAPI schema is complete and valid; the docs are served without a CDN."""

import re

import pytest
from drf_spectacular.validation import validate_schema
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

CONTRACT = {
    ("get", "/api/v1/eligibility/"),
    ("get", "/api/v1/grants/"),
    ("get", "/api/v1/requests/"),
    ("post", "/api/v1/requests/"),
    ("get", "/api/v1/requests/{id}/"),
    ("patch", "/api/v1/requests/{id}/"),
    ("get", "/api/v1/people/"),
    ("get", "/api/v1/people/{employee_id}/"),
    ("post", "/api/v1/requests/sign/"),
    *(
        ("post", f"/api/v1/requests/{{id}}/{act}/")
        for act in ["sign", "approve", "return", "reject", "carry-out", "withdraw"]
    ),
}


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    with django_db_blocker.unblock():
        response = APIClient().get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def test_the_schema_is_valid_openapi(schema):
    validate_schema(schema)


def test_the_schema_has_every_operation_of_the_contract(schema):
    operations = {(method, path) for path, item in schema["paths"].items() for method in item}
    assert operations >= CONTRACT


def test_every_act_documents_403_and_409(schema):
    for path, item in schema["paths"].items():
        if path.startswith("/api/v1/requests/{id}/") and "post" in item:
            assert {"200", "403", "409"} <= set(item["post"]["responses"]), path


def test_an_edit_documents_its_body_and_the_conflict(schema):
    operation = schema["paths"]["/api/v1/requests/{id}/"]["patch"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert body.endswith("/PatchedRequestPatchIn")
    assert {"200", "400", "403", "404", "409"} <= set(operation["responses"])


def test_the_people_list_documents_its_search(schema):
    parameters = schema["paths"]["/api/v1/people/"]["get"]["parameters"]
    assert {"search", "unit"} <= {parameter["name"] for parameter in parameters}


def test_a_persons_detail_documents_their_training(schema):
    operation = schema["paths"]["/api/v1/people/{employee_id}/"]["get"]
    detail = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert detail.endswith("/PersonDetailOut")
    training = schema["components"]["schemas"]["PersonDetailOut"]["properties"]["training"]
    assert training["items"]["$ref"].endswith("/TrainingOut")
    assert set(schema["components"]["schemas"]["TrainingOut"]["properties"]) == {
        "course",
        "status",
        "date",
    }


def test_return_and_reject_require_a_reason(schema):
    reason = schema["components"]["schemas"]["ReasonIn"]
    assert reason["required"] == ["reason"]


def test_the_docs_page_is_served_without_a_cdn_or_inline_code():
    client = APIClient()
    response = client.get("/api/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "swagger-ui" in page
    assert "cdn" not in page.lower()
    assert "<style" not in page
    assert re.findall(r"<script(?![^>]*\bsrc=)", page) == []
    script = client.get("/api/docs/", {"script": ""})
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")


def test_every_operation_documents_the_json_errors(schema):
    error = schema["components"]["schemas"]["ErrorOut"]
    assert error["required"] == ["error", "detail"]
    assert {"fields", "reasons"} <= set(error["properties"])
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            assert {"400", "403", "404"} <= set(operation["responses"]), (method, path)
