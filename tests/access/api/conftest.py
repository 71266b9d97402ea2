"""API clients signed in as a persona: by token or by session."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import UserFactory


@pytest.fixture
def token_client():
    """token_client(user) → a client that sends `Authorization: Token …`."""

    def make(user):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
        return client

    return make


@pytest.fixture
def session_client():
    """session_client(user) → a client signed in with a session cookie."""

    def make(user):
        client = APIClient()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def specialist():
    """A user of payroll specialist support: sees everything, carries requests out."""
    return UserFactory(app_roles=["specialist"])
