"""API clients for tests: signed in by session, as a browser or the API's own docs are."""

from rest_framework.test import APIClient


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client
