"""Signing in and out, refused sign-ins and password changes each write an audit event."""

import pytest
from django.test import Client
from django.urls import reverse

from rollkoll.audit.models import Event
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "another-horse-battery-staple"


def only(action: str) -> Event:
    [event] = Event.objects.filter(action=action)
    return event


def test_signing_in_and_out_is_recorded_with_the_address():
    user = UserFactory()
    client = Client(REMOTE_ADDR="192.0.2.10")

    client.post("/logga-in/", {"username": user.username, "password": PASSWORD})
    client.post("/logga-ut/")

    signed_in, signed_out = only("user.sign_in"), only("user.sign_out")
    assert (signed_in.actor, signed_in.target_id) == (user, str(user.pk))
    assert (signed_out.actor, signed_out.target_id) == (user, str(user.pk))
    assert signed_in.after == signed_out.after == {"address": "192.0.2.10"}
    assert signed_in.sequence < signed_out.sequence


def test_a_refused_sign_in_is_recorded_without_the_password():
    user = UserFactory()

    Client().post("/logga-in/", {"username": user.username, "password": "wrong-password"})

    event = only("user.sign_in_failed")
    assert event.actor is None
    assert event.after == {"username": user.username, "address": "127.0.0.1"}
    assert "wrong-password" not in str(event.before) + str(event.after)
    assert not Event.objects.filter(action="user.sign_in").exists()


def test_signing_in_to_the_admin_is_recorded():
    admin = UserFactory(app_roles=["admin"], is_staff=True, is_superuser=True)

    Client().post(reverse("admin:login"), {"username": admin.username, "password": PASSWORD})

    assert only("user.sign_in").actor == admin


def test_changing_ones_own_password_is_recorded_as_a_change():
    admin = UserFactory(app_roles=["admin"], is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)

    response = client.post(
        reverse("admin:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    event = only("user.password_change")
    assert (event.actor, event.target_id) == (admin, str(admin.pk))
    assert NEW_PASSWORD not in str(event.after)


def test_an_administrator_setting_someones_password_is_recorded_as_a_reset():
    admin = UserFactory(app_roles=["admin"], is_staff=True, is_superuser=True)
    user = UserFactory()
    client = Client()
    client.force_login(admin)

    response = client.post(
        reverse("admin:auth_user_password_change", args=[user.pk]),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
    )

    assert response.status_code == 302
    event = only("user.password_reset")
    assert (event.actor, event.target_id) == (admin, str(user.pk))
    assert not Event.objects.filter(action="user.password_change").exists()


def test_a_rehash_of_the_same_password_is_no_change(settings):
    """Signing in after the hasher changed stores a new hash of the same password."""
    user = UserFactory()
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]

    Client().post("/logga-in/", {"username": user.username, "password": PASSWORD})

    user.refresh_from_db()
    assert user.password.startswith("pbkdf2_sha256$")
    assert not Event.objects.filter(action__startswith="user.password").exists()
