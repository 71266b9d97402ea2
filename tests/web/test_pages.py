"""Sign-in, home and lock-out, through the test client."""

import pytest

from tests.factories import PASSWORD, ManagerLinkFactory, UserFactory

pytestmark = pytest.mark.django_db


def sign_in(client, username: str, password: str = PASSWORD):
    return client.post("/logga-in/", {"username": username, "password": password})


def test_home_needs_sign_in(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/logga-in/")


def test_home_names_the_managers_units(client):
    link = ManagerLinkFactory(unit__code="4711", unit__name="Avdelning 11")
    user = UserFactory(person=link.manager)
    assert sign_in(client, user.username).headers["Location"] == "/"
    page = client.get("/").content.decode()
    assert "Ansvarig chef för" in page
    assert "4711 Avdelning 11" in page
    assert "Administration" not in page


def test_home_names_app_roles_and_links_admins_to_the_admin(client):
    user = UserFactory(app_roles=["admin"], is_staff=True)
    client.force_login(user)
    page = client.get("/").content.decode()
    assert "Administratör" in page
    assert 'href="/admin/"' in page


def test_home_of_someone_without_tasks_says_so(client):
    client.force_login(UserFactory())
    assert "du ser bara dig själv" in client.get("/").content.decode()


def test_too_many_wrong_passwords_lock_the_account_in_swedish(client, settings):
    user = UserFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, user.username, "wrong-password").status_code == 200
    locked = sign_in(client, user.username, "wrong-password")
    assert locked.status_code == 429
    assert "Inloggningen är spärrad efter 5 misslyckade försök." in locked.content.decode()
    assert sign_in(client, user.username).status_code == 429
