"""The outbox end to end: written with the act, sent by the worker through real SMTP.

Tests that run the worker commit for real (`transaction=True`): the worker
checks its database connection between tasks, as it must in production.
"""

import datetime as dt
import socket
import threading

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from rollkoll.notify.delivery import send_due
from rollkoll.notify.models import Kind, OutboxMessage, Status
from rollkoll.notify.rendering import render
from rollkoll.notify.services import notify

SITE = "http://rollkoll.example.org"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def attempts() -> dict[str, int]:
    return dict(OutboxMessage.objects.values_list("recipient", "attempts"))


def make_all_due() -> None:
    """Let the clock pass every message's next attempt."""
    OutboxMessage.objects.update(next_attempt_at=timezone.now() - dt.timedelta(seconds=1))


def run_worker_once() -> None:
    call_command("worker", "--once")


@pytest.mark.django_db
def test_one_message_per_valid_recipient_with_an_absolute_link(caplog):
    with transaction.atomic():
        messages = notify(
            recipients=["a@example.org", "A@example.org", " ", "not an address", "b@example.org"],
            kind=Kind.REQUEST_TO_SIGN,
            link="/ansokningar/7/",
        )

    assert [m.recipient for m in messages] == ["a@example.org", "b@example.org"]
    assert {(m.link, m.status, m.attempts) for m in OutboxMessage.objects.all()} == {
        (f"{SITE}/ansokningar/7/", Status.QUEUED, 0)
    }
    assert "invalid e-mail address 'not an address'" in caplog.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "link", "recipients"),
    [
        ("no_such_kind", "/x/", ["a@example.org"]),
        (Kind.REQUEST_TO_SIGN, "https://elsewhere.example.com/x/", ["a@example.org"]),
        (Kind.REQUEST_TO_SIGN, "//elsewhere.example.com/x/", ["a@example.org"]),
    ],
)
def test_bad_input_queues_nothing(kind, link, recipients):
    with pytest.raises(ValueError, match=r"kind|links"):
        notify(recipients=recipients, kind=kind, link=link)
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_messages_roll_back_with_the_act(smtp_server):
    def failing_act() -> None:
        with transaction.atomic():
            notify(recipients=["a@example.org"], kind=Kind.REQUEST_IN_QUEUE, link="/x/")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        failing_act()

    run_worker_once()

    assert not OutboxMessage.objects.exists()
    assert not DBTaskResult.objects.exists()
    assert smtp_server.messages() == []


@pytest.mark.django_db(transaction=True)
def test_the_commit_enqueues_sending_and_the_worker_delivers(smtp_server):
    with transaction.atomic():
        notify(recipients=["chef@example.org"], kind=Kind.REQUEST_TO_SIGN, link="/ansokningar/9/")
        assert not DBTaskResult.objects.exists()
    assert DBTaskResult.objects.get().task_path == "rollkoll.notify.tasks.deliver"

    run_worker_once()

    [received] = smtp_server.messages()
    assert received["To"] == "chef@example.org"
    assert f"{SITE}/ansokningar/9/" in received.get_content()
    message = OutboxMessage.objects.get()
    assert (message.status, message.attempts, message.last_error) == (Status.SENT, 1, "")
    assert message.sent_at is not None


@pytest.mark.django_db(transaction=True)
def test_the_email_carries_only_the_kind_and_the_link(smtp_server):
    from tests.factories import PersonFactory

    person = PersonFactory(first_name="Hedvig", last_name="Oxenstierna")
    role_name = "Heromarapportör"
    notify(recipients=[person.email], kind=Kind.REQUEST_RETURNED, link="/ansokningar/42/")

    run_worker_once()

    [received] = smtp_server.messages()
    body = received.get_content()
    text = f"{received['Subject']}\n{body}"
    for secret in (person.first_name, person.last_name, person.personnummer, role_name):
        assert secret not in text
    assert person.personnummer[2:8] not in text
    expected = render(Kind.REQUEST_RETURNED, f"{SITE}/ansokningar/42/")
    assert (received["Subject"], body.replace("\r\n", "\n").strip()) == (
        expected.subject,
        expected.body.strip(),
    )


@pytest.mark.django_db(transaction=True)
def test_nothing_is_lost_while_the_mail_server_is_down(smtp_server):
    smtp_server.stop()
    for number in range(3):
        notify(recipients=[f"p{number}@example.org"], kind=Kind.STAGE_OVERDUE, link=f"/s/{number}/")

    for _ in range(3):
        make_all_due()
        run_worker_once()

    assert set(OutboxMessage.objects.values_list("status", "sent_at")) == {(Status.QUEUED, None)}
    # The first pass's tasks try each message once; then each sweep stops at its first failure.
    assert attempts() == {"p0@example.org": 3, "p1@example.org": 1, "p2@example.org": 1}
    assert smtp_server.messages() == []

    smtp_server.start()
    make_all_due()
    run_worker_once()
    make_all_due()
    run_worker_once()

    assert sorted(m["To"] for m in smtp_server.messages()) == [
        "p0@example.org",
        "p1@example.org",
        "p2@example.org",
    ]
    assert set(OutboxMessage.objects.values_list("status", "last_error")) == {(Status.SENT, "")}


@pytest.mark.django_db
def test_an_unreachable_server_ends_the_pass_and_the_wait_doubles(smtp_server):
    smtp_server.stop()
    for number in range(3):
        notify(recipients=[f"p{number}@example.org"], kind=Kind.STAGE_OVERDUE, link=f"/s/{number}/")

    before = timezone.now()
    assert send_due() == 0

    # The first failure ends the pass; the others wait, still due, for the next pass.
    assert attempts() == {"p0@example.org": 1, "p1@example.org": 0, "p2@example.org": 0}
    failed = OutboxMessage.objects.get(recipient="p0@example.org")
    assert "Connection refused" in failed.last_error
    minute = dt.timedelta(minutes=1)
    assert before + minute <= failed.next_attempt_at <= timezone.now() + minute

    send_due()  # p0 is not due yet; p1 is tried
    assert attempts() == {"p0@example.org": 1, "p1@example.org": 1, "p2@example.org": 0}

    make_all_due()
    before = timezone.now()
    send_due()  # p0 first again: its wait doubles
    failed.refresh_from_db()
    assert failed.attempts == 2
    assert failed.next_attempt_at >= before + 2 * minute


@pytest.mark.django_db
def test_sent_messages_are_not_sent_again(smtp_server):
    notify(recipients=["a@example.org"], kind=Kind.REQUEST_COMPLETED, link="/x/")

    assert send_due() == 1
    make_all_due()
    assert send_due() == 0
    assert len(smtp_server.messages()) == 1


@pytest.mark.django_db
def test_the_outbox_is_read_only_in_the_admin(admin_client):
    [message] = notify(recipients=["a@example.org"], kind=Kind.REQUEST_COMPLETED, link="/x/")

    assert admin_client.get(reverse("admin:notify_outboxmessage_changelist")).status_code == 200
    change_url = reverse("admin:notify_outboxmessage_change", args=[message.pk])
    assert admin_client.get(change_url).status_code == 200
    assert admin_client.post(change_url, {"status": "sent"}).status_code == 403
    assert OutboxMessage.objects.get().status == Status.QUEUED


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_each_message_exactly_once(smtp_server):
    notify(
        recipients=[f"p{n}@example.org" for n in range(30)], kind=Kind.REQUEST_IN_QUEUE, link="/q/"
    )
    start = threading.Barrier(2)
    sent: list[int] = []

    def worker() -> None:
        try:
            start.wait()
            sent.append(send_due())
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sum(sent) == 30
    assert len(smtp_server.messages()) == 30
    assert set(OutboxMessage.objects.values_list("status", "attempts")) == {(Status.SENT, 1)}


@pytest.mark.django_db
def test_a_silent_server_costs_one_timeout_per_pass(settings):
    with socket.socket() as silent:  # accepts connections, never greets
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = silent.getsockname()
        settings.EMAIL_TIMEOUT = 0.5
        for number in range(3):
            notify(recipients=[f"p{number}@example.org"], kind=Kind.STAGE_OVERDUE, link="/s/")

        assert send_due() == 0

    assert attempts() == {"p0@example.org": 1, "p1@example.org": 0, "p2@example.org": 0}
    assert "timed out" in OutboxMessage.objects.get(recipient="p0@example.org").last_error
