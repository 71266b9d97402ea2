"""Lock-outs hold one username at one address, read as TRUSTED_PROXY_COUNT says."""

import pytest
from django.test import Client
from rest_framework.test import APIClient

from rollkoll.audit.models import Event
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
ATTACKER = "203.0.113.66"
VICTIM = "198.51.100.7"


def sign_in(username: str, password: str = PASSWORD, **meta: str):
    return Client().post("/logga-in/", {"username": username, "password": password}, **meta)


def lock_out(username: str, settings, **meta: str) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(username, "wrong-password", **meta)


def test_a_forged_forwarded_for_does_not_lock_out_the_address_it_names(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    victim = UserFactory()

    lock_out(victim.username, settings, REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=VICTIM)

    assert sign_in(victim.username, REMOTE_ADDR=VICTIM).status_code == 302
    assert sign_in(victim.username, REMOTE_ADDR=ATTACKER).status_code == 429


def test_behind_a_proxy_each_client_is_locked_out_on_its_own(settings):
    """All requests come from the proxy; the address it appended tells clients apart."""
    settings.TRUSTED_PROXY_COUNT = 1
    victim = UserFactory()

    lock_out(
        victim.username,
        settings,
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=f"{VICTIM}, {ATTACKER}",  # the first entry is forged
    )

    assert (
        sign_in(victim.username, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=VICTIM).status_code == 302
    )
    other_forgery = sign_in(
        victim.username, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"192.0.2.9, {ATTACKER}"
    )
    assert other_forgery.status_code == 429


@pytest.mark.parametrize(
    ("count", "forwarded", "address"),
    [
        (0, "192.0.2.1, 192.0.2.2", PROXY),
        (1, "192.0.2.1, 192.0.2.2", "192.0.2.2"),
        (2, "192.0.2.1, 192.0.2.2", "192.0.2.1"),
        (3, "192.0.2.1, 192.0.2.2", PROXY),  # fewer entries than proxies: not through them all
        (1, "not-an-address", PROXY),
        (1, "", PROXY),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_trusted_proxy_count_picks_the_address_that_is_recorded(
    settings, count, forwarded, address
):
    settings.TRUSTED_PROXY_COUNT = count
    meta = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": forwarded}

    sign_in("nobody", "wrong-password", **meta)

    event = Event.objects.get(action="user.sign_in_failed")
    assert event.after == {"username": "nobody", "address": address}


def test_the_api_answers_a_lock_out_in_json(settings):
    user = UserFactory()
    client = APIClient()
    wrong = {"username": user.username, "password": "wrong-password"}
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/api/v1/auth/token/", wrong, format="json")
        assert response.status_code == 400
        assert response.json()["error"] == "invalid_credentials"

    locked = client.post("/api/v1/auth/token/", wrong, format="json")
    right = {"username": user.username, "password": PASSWORD}
    still = client.post("/api/v1/auth/token/", right, format="json")

    for response in (locked, still):
        assert response.status_code == 429
        assert response["Content-Type"] == "application/json"
        assert response["Retry-After"] == "3600"
        body = response.json()
        assert body["error"] == "locked_out"
        assert "Inloggningen är spärrad efter 5 misslyckade försök." in body["detail"]
    assert "token" not in still.json()
