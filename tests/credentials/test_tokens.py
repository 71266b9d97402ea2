"""API tokens: hashed, expiring, listed and revoked by their owner, gone with the password."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from rollkoll.audit.models import Event
from rollkoll.credentials.models import ApiToken
from tests.audit.test_admin import form_data
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "another-horse-battery-staple"


def issue(user) -> str:
    response = APIClient().post(
        "/api/v1/auth/token/", {"username": user.username, "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200, response.content
    assert set(response.json()) == {"token"}
    return response.json()["token"]


def with_token(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def works(key: str) -> bool:
    response = with_token(key).get("/api/v1/roles/")
    assert response.status_code in {200, 403}, response.content
    return response.status_code == 200


def admin_client() -> Client:
    client = Client()
    client.force_login(UserFactory(app_roles=["admin"], is_staff=True, is_superuser=True))
    return client


def test_a_token_is_stored_only_as_a_hash():
    user = UserFactory()

    key = issue(user)

    token = ApiToken.objects.get(user=user)
    prefix, secret = key.split(".")
    assert token.prefix == prefix
    assert len(secret) >= 40
    stored = " ".join(str(value) for value in ApiToken.objects.values().get().values())
    assert secret not in stored
    assert works(key)


def test_each_sign_in_issues_a_new_token_and_records_it(settings):
    settings.API_TOKEN_LIFETIME_HOURS = 8
    user = UserFactory()

    first, second = issue(user), issue(user)

    assert first != second
    assert works(first)
    assert works(second)
    events = Event.objects.filter(action="api_token.issue")
    assert [event.actor for event in events] == [user, user]
    token = ApiToken.objects.get(prefix=first.split(".")[0])
    assert token.expires_at - token.created_at == dt.timedelta(hours=8)
    assert first.split(".")[1] not in str(list(events.values()))


def test_an_expired_token_is_refused(settings):
    settings.API_TOKEN_LIFETIME_HOURS = 8
    key = issue(UserFactory())
    assert works(key)

    ApiToken.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))

    response = with_token(key).get("/api/v1/roles/")
    assert response.status_code == 403
    assert response.json()["error"] == "authentication_failed"


def test_a_token_with_a_wrong_secret_is_refused():
    key = issue(UserFactory())
    prefix = key.split(".")[0]

    assert not works(f"{prefix}.{'x' * 43}")
    assert not works(prefix)


def test_the_owner_lists_their_tokens_without_secrets():
    user, other = UserFactory(), UserFactory()
    key = issue(user)
    issue(other)
    an_hour_ago = timezone.now() - dt.timedelta(hours=1)
    ApiToken.objects.update(last_used_at=an_hour_ago)

    response = with_token(key).get("/api/v1/tokens/")

    assert response.status_code == 200
    [listed] = response.json()["results"]
    token = ApiToken.objects.get(user=user)
    assert set(listed) == {"id", "prefix", "created", "expires", "last_used"}
    assert (listed["id"], listed["prefix"]) == (token.pk, key.split(".")[0])
    assert dt.datetime.fromisoformat(listed["last_used"]) > an_hour_ago  # this very call
    assert ApiToken.objects.get(user=other).last_used_at == an_hour_ago
    assert key.split(".")[1] not in response.content.decode()


def test_the_owner_revokes_a_token_and_it_stops_working():
    user = UserFactory()
    keep, drop = issue(user), issue(user)
    dropped = ApiToken.objects.get(prefix=drop.split(".")[0])

    response = with_token(keep).delete(f"/api/v1/tokens/{dropped.pk}/")

    assert response.status_code == 204
    assert not works(drop)
    assert works(keep)
    assert [t["id"] for t in with_token(keep).get("/api/v1/tokens/").json()["results"]] == [
        ApiToken.objects.get(prefix=keep.split(".")[0]).pk
    ]
    event = Event.objects.get(action="api_token.revoke")
    assert (event.actor, event.target_id, event.after) == (user, str(dropped.pk), {"reason": "api"})
    assert with_token(keep).delete(f"/api/v1/tokens/{dropped.pk}/").status_code == 404


def test_nobody_revokes_another_persons_token():
    mine, theirs = issue(UserFactory()), issue(UserFactory())
    their_token = ApiToken.objects.get(prefix=theirs.split(".")[0])

    response = with_token(mine).delete(f"/api/v1/tokens/{their_token.pk}/")

    assert response.status_code == 404
    assert response.json()["error"] == "not_found"
    assert works(theirs)


def test_changing_the_password_revokes_every_token():
    admin = UserFactory(app_roles=["admin"], is_staff=True, is_superuser=True)
    key = issue(admin)
    client = Client()
    client.force_login(admin)

    client.post(
        reverse("admin:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert not works(key)
    event = Event.objects.get(action="api_token.revoke")
    assert (event.actor, event.after) == (admin, {"reason": "user.password_change"})


def test_a_password_reset_by_an_administrator_revokes_every_token():
    user = UserFactory()
    keys = [issue(user), issue(user)]

    admin_client().post(
        reverse("admin:auth_user_password_change", args=[user.pk]),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
    )

    assert not any(works(key) for key in keys)
    assert ApiToken.objects.filter(user=user, revoked_at__isnull=True).count() == 0
    assert Event.objects.filter(action="api_token.revoke").count() == 2


def test_deactivating_the_account_revokes_every_token():
    user = UserFactory()
    key = issue(user)
    client = admin_client()
    url = reverse("admin:org_user_change", args=[user.pk])
    data = form_data(client.get(url))
    data.pop("is_active")

    response = client.post(url, data)

    assert response.status_code == 302
    user.refresh_from_db()
    assert not user.is_active
    assert ApiToken.objects.get(user=user).revoked_at is not None
    user.is_active = True
    user.save()
    assert not works(key)
    event = Event.objects.get(action="api_token.revoke")
    assert event.after == {"reason": "user.deactivate"}


def test_an_administrator_revokes_tokens_in_the_admin():
    user = UserFactory()
    key = issue(user)
    token = ApiToken.objects.get(user=user)

    response = admin_client().post(
        reverse("admin:credentials_apitoken_changelist"),
        {"action": "revoke", "_selected_action": [token.pk]},
    )

    assert response.status_code == 302
    assert not works(key)
    assert Event.objects.get(action="api_token.revoke").after == {"reason": "admin"}
