"""`rollkoll users add|list` and the user_create service behind it."""

import io

import pytest
from django.core.management import CommandError, call_command

from rollkoll.audit.models import Event
from rollkoll.org.models import AppRole, User
from rollkoll.org.services import parse_app_role, user_create
from tests.factories import BusinessAreaFactory, OrganisationFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "lingon-och-blabar-2026"


@pytest.fixture
def password(monkeypatch):
    monkeypatch.setenv("ROLLKOLL_PASSWORD", GOOD_PASSWORD)
    return GOOD_PASSWORD


def add(*args: str) -> str:
    out = io.StringIO()
    call_command("users", "add", *args, stdout=out)
    return out.getvalue()


def test_add_creates_an_account_that_signs_in_with_its_roles(client, password):
    person = PersonFactory()
    area = BusinessAreaFactory()
    output = add(
        "kalle",
        "--employee-id",
        person.employee_id,
        "--app-role",
        f"coordinator:{area.organisation.code}",
        "--app-role",
        f"ba-contact:{area.code}",
    )
    assert "kalle" in output
    user = User.objects.get(username="kalle")
    assert user.person == person
    assert not user.is_staff
    assert set(user.app_roles.values_list("kind", "organisation", "business_area")) == {
        ("coordinator", area.organisation.pk, None),
        ("ba-contact", None, area.pk),
    }
    response = client.post("/logga-in/", {"username": "kalle", "password": password})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_a_manager_needs_no_app_role(password):
    person = PersonFactory()
    add("chef1", "--employee-id", person.employee_id)
    assert not AppRole.objects.filter(user__username="chef1").exists()


def test_admin_gets_the_django_admin(client, password):
    add("admin1", "--employee-id", PersonFactory().employee_id, "--app-role", "admin")
    user = User.objects.get(username="admin1")
    assert user.is_staff
    assert user.is_superuser
    client.force_login(user)
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    ("role", "message"),
    [
        ("coordinator", "behöver en omfattning"),
        ("coordinator:NOPE", "Okänd kod"),
        ("ba-contact:NOPE", "Okänd kod"),
        ("auditor:SAS", "tar ingen omfattning"),
        ("superuser", "Okänd roll"),
    ],
)
def test_bad_app_roles_are_refused_and_nothing_is_written(password, role, message):
    OrganisationFactory(code="SAS")
    person = PersonFactory()
    with pytest.raises(CommandError, match=message):
        add("nisse", "--employee-id", person.employee_id, "--app-role", role)
    assert not User.objects.exists()


def test_every_problem_is_named_at_once(password):
    with pytest.raises(CommandError) as caught:
        add("nisse", "--employee-id", "X999", "--app-role", "specialist:X", "--app-role", "oops")
    message = str(caught.value)
    assert "Okänt anställningsnummer: X999" in message
    assert "tar ingen omfattning" in message
    assert "Okänd roll" in message


def test_duplicate_username_is_refused(password):
    UserFactory(username="olle")
    with pytest.raises(CommandError, match="finns redan"):
        add("OLLE", "--employee-id", PersonFactory().employee_id)
    assert User.objects.count() == 1


def test_a_person_has_at_most_one_account(password):
    existing = UserFactory()
    with pytest.raises(CommandError, match="har redan ett konto"):
        add("other", "--employee-id", existing.person.employee_id)


@pytest.mark.parametrize("weak", ["12345678", "password", "kort"])
def test_weak_passwords_are_refused(monkeypatch, weak):
    monkeypatch.setenv("ROLLKOLL_PASSWORD", weak)
    with pytest.raises(CommandError):
        add("stina", "--employee-id", PersonFactory().employee_id)
    assert not User.objects.exists()


def test_without_a_terminal_or_variable_it_says_how(monkeypatch):
    monkeypatch.delenv("ROLLKOLL_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    with pytest.raises(CommandError, match="ROLLKOLL_PASSWORD"):
        add("stina", "--employee-id", PersonFactory().employee_id)
    assert not User.objects.exists()


def test_list_shows_accounts_with_their_roles(password):
    area = BusinessAreaFactory(code="VO7")
    UserFactory(username="vo-kontakt", app_roles=[("ba-contact", area)])
    UserFactory(username="granskare", app_roles=["auditor"])
    out = io.StringIO()
    call_command("users", "list", stdout=out)
    lines = out.getvalue().splitlines()
    assert [line.split("\t")[0] for line in lines] == ["granskare", "vo-kontakt"]
    assert "VO7" in lines[1]
    assert "Granskare" in lines[0]


def test_user_create_writes_the_same_role_once():
    spec = parse_app_role("auditor")
    user = user_create(
        username="dubbel",
        person=PersonFactory(),
        password=GOOD_PASSWORD,
        app_roles=[spec, spec],
        actor=None,
    )
    assert user.app_roles.count() == 1
    assert Event.objects.for_target(user).get().after["app_roles"] == ["auditor"]


def test_the_account_is_in_the_audit_log_without_its_password(password):
    add("revisor", "--employee-id", PersonFactory().employee_id, "--app-role", "auditor")
    user = User.objects.get(username="revisor")
    event = Event.objects.for_target(user).get()
    assert event.action == "user.create"
    assert event.actor is None
    assert event.after["app_roles"] == ["auditor"]
    assert password not in str(event.after)


def test_a_refused_account_leaves_no_audit_event(password):
    with pytest.raises(CommandError):
        add("x", "--employee-id", PersonFactory().employee_id, "--app-role", "nope")
    assert not Event.objects.exists()


def test_a_username_with_odd_characters_is_refused(password):
    with pytest.raises(CommandError, match="användarnamn"):
        add("bad name!", "--employee-id", PersonFactory().employee_id)
    assert not User.objects.exists()
