"""`rollkoll worker`: the task queue and the periodic jobs, once or as a process."""

import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django_tasks_db.models import DBTaskResult

from rollkoll.notify.models import Kind, OutboxMessage, Status
from rollkoll.notify.services import notify

ROOT = Path(__file__).resolve().parents[2]
runs: list[str] = []


def count_run() -> None:
    runs.append("ran")


def fail() -> None:
    raise RuntimeError("broken job")


@pytest.fixture(autouse=True)
def no_runs_yet():
    runs.clear()


@pytest.mark.django_db(transaction=True)
def test_once_runs_every_periodic_job_even_when_one_fails(settings, caplog):
    here = "tests.notify.test_worker"
    settings.ROLLKOLL_PERIODIC_JOBS = [f"{here}.count_run", f"{here}.fail", f"{here}.count_run"]

    with caplog.at_level(logging.ERROR):
        call_command("worker", "--once")

    assert runs == ["ran", "ran"]
    assert f"periodic job {here}.fail failed" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_once_runs_the_queued_tasks(settings, smtp_server):
    settings.ROLLKOLL_PERIODIC_JOBS = []  # no sweep: the task alone must send it
    with transaction.atomic():
        notify(recipients=["a@example.org"], kind=Kind.REQUEST_IN_QUEUE, link="/x/")

    call_command("worker", "--once")

    task = DBTaskResult.objects.get()
    assert (task.status, task.return_value) == ("SUCCESSFUL", 1)
    assert OutboxMessage.objects.get().status == Status.SENT
    assert len(smtp_server.messages()) == 1


def wait_for(condition, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError
        time.sleep(0.1)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_worker_process_sends_after_commit_and_stops_cleanly(smtp_server):
    database = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
        f"{database['NAME']}",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_server.port),
        "EMAIL_URL": "",
    }
    worker = subprocess.Popen(
        [sys.executable, "-m", "rollkoll", "worker", "--interval", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        with transaction.atomic():
            notify(recipients=["a@example.org"], kind=Kind.REQUEST_TO_SIGN, link="/a/")
        wait_for(lambda: len(smtp_server.messages()) == 1)

        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=10) == 0, worker.stderr.read() if worker.stderr else ""
    finally:
        if worker.poll() is None:
            worker.kill()
    assert OutboxMessage.objects.get().status == Status.SENT
