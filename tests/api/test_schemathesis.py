"""Schemathesis against /api/schema/, in process: the read endpoints never answer 5xx
and every answer conforms to the schema (status code, content type, body)."""

import datetime as dt

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from django.test import override_settings
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from rollkoll.credentials.services import token_issue
from rollkoll.wsgi import application
from tests import factories as f

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def in_process(db, settings):
    """Keep the test's database connection open across calls, as Django's test client does."""
    settings.ALLOWED_HOSTS = ["localhost"]
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def token(in_process):
    """Specialist support, who sees everything, and a register with something in it."""
    unit = f.UnitFactory(code="4711")
    holder = f.PersonFactory(unit=unit, employee_id="E1")
    f.GrantFactory(person=holder, valid_from=dt.date(2025, 1, 1))
    f.ManagerLinkFactory(unit=unit)
    user = f.UserFactory(app_roles=["specialist"])
    return token_issue(user=user, address=None)[1]


with override_settings(ALLOWED_HOSTS=["localhost"]):
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application).include(
        method="GET"
    )


@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_read_endpoints_conform(case, token):
    case.call_and_validate(headers={"Authorization": f"Token {token}"}, checks=CHECKS)
