"""Backup and restore on PostgreSQL, as README's "Backup and restore" describes it.

The checkpoint file is copied first, then the database is dumped with `pg_dump -Fc`
and restored with `pg_restore` into a fresh database. The restored database holds
every request, signature, grant and audit event row for row, and `rollkoll
verify-audit` passes on it with the copied checkpoint.
"""

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Model

from rollkoll.audit.models import Event
from rollkoll.audit.services import record
from rollkoll.register.models import Grant, GrantUnit
from rollkoll.requests.models import AccessRequest, RequestStatus, Signature
from rollkoll.requests.services import request_approve, request_carry_out, requests_sign
from tests.factories import PASSWORD
from tests.requests.flow import completed, draft, make_world

ROOT = Path(__file__).resolve().parents[2]
CLIENT_TOOLS = ("pg_dump", "pg_restore")
BACKED_UP: list[type[Model]] = [
    AccessRequest,
    AccessRequest.units.through,
    Signature,
    Grant,
    GrantUnit,
    Event,
]


def carried_out_request() -> AccessRequest:
    """A Heromarapportör form signed, approved and carried out: a grant and its events."""
    world = make_world()
    completed(world.employee, "intro", "for-chefer", "kurs-heromarapportor")
    request = draft(world.manager, world.employee, "heromarapportor", world.unit)
    [request] = requests_sign(requests=[request], actor=world.manager, password=PASSWORD)
    request = request_approve(request=request, actor=world.coordinator)
    request = request_carry_out(request=request, actor=world.specialist)
    assert request.status == RequestStatus.COMPLETED
    return request


def server_options() -> list[str]:
    database = connection.settings_dict
    return [
        "--host",
        database["HOST"],
        "--port",
        str(database["PORT"]),
        "--username",
        database["USER"],
    ]


def client_env() -> dict[str, str]:
    password = connection.settings_dict.get("PASSWORD")
    return {**os.environ, **({"PGPASSWORD": password} if password else {})}


def run(*command: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=ROOT, env=env or client_env(), capture_output=True, text=True, check=False
    )


def ok(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def dump_to(path: Path) -> None:
    """`pg_dump -Fc` of the test database, as README's backup step runs it."""
    ok(run("pg_dump", "-Fc", *server_options(), "--file", str(path), here()))


def restore(dump: Path, name: str) -> None:
    """`pg_restore` into an empty database, all or nothing."""
    ok(
        run(
            "pg_restore",
            *server_options(),
            "--exit-on-error",
            "--single-transaction",
            "--dbname",
            name,
            str(dump),
        )
    )


def here() -> str:
    return connection.settings_dict["NAME"]


@pytest.fixture
def fresh_database() -> Iterator[str]:
    """An empty database on the same server, dropped at the end; skips without the tools."""
    missing = [tool for tool in CLIENT_TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs the PostgreSQL client tools on PATH: {', '.join(missing)} missing")
    name = f"{here()}_restored_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def rows_in(name: str) -> dict[str, list[tuple]]:
    """Every row of the backed-up tables, read the same way from either database."""
    database = connection.settings_dict
    with (
        psycopg.connect(
            host=database["HOST"],
            port=database["PORT"],
            user=database["USER"],
            password=database.get("PASSWORD") or None,
            dbname=name,
        ) as reader,
        reader.cursor() as cursor,
    ):
        return {model._meta.db_table: select_all(cursor, model) for model in BACKED_UP}


def select_all(cursor, model: type[Model]) -> list[tuple]:
    table, key = model._meta.db_table, model._meta.pk.column
    cursor.execute(f'SELECT * FROM "{table}" ORDER BY "{key}"')  # noqa: S608 (model names)
    return cursor.fetchall()


def verify_audit(name: str, checkpoint: Path) -> subprocess.CompletedProcess[str]:
    """`rollkoll verify-audit` run as an operator would, against the restored database."""
    database = connection.settings_dict
    env = {
        **client_env(),
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
        f"{name}",
        "AUDIT_HMAC_KEY": settings.AUDIT_HMAC_KEY,
        "AUDIT_CHECKPOINT_FILE": str(checkpoint),
    }
    return run(sys.executable, "-m", "rollkoll", "verify-audit", env=env)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_restored_dump_holds_every_row_and_its_audit_log_verifies(
    tmp_path, audit_checkpoint_file, fresh_database
):
    carried_out_request()
    call_command("verify-audit", "--checkpoint")
    checkpoint_copy = tmp_path / "backup-checkpoint.json"
    shutil.copy(audit_checkpoint_file, checkpoint_copy)
    dump_to(tmp_path / "rollkoll.dump")
    backed_up = rows_in(here())

    restore(tmp_path / "rollkoll.dump", fresh_database)

    assert all(backed_up.values()), "every table backed up has rows"
    assert rows_in(fresh_database) == backed_up
    result = ok(verify_audit(fresh_database, checkpoint_copy))
    events = len(backed_up[Event._meta.db_table])
    assert f"OK: granskningsloggen är obruten ({events} händelser)." in result.stdout
    assert f"(händelse {events}) stämmer." in result.stdout


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_checkpoint_newer_than_the_dump_reports_the_events_lost_since(
    tmp_path, audit_checkpoint_file, fresh_database
):
    request = carried_out_request()
    dump_to(tmp_path / "rollkoll.dump")
    with transaction.atomic():
        record(actor=None, action="ops.after_backup", target=request)
    call_command("verify-audit", "--checkpoint")
    restore(tmp_path / "rollkoll.dump", fresh_database)

    result = verify_audit(fresh_database, audit_checkpoint_file)

    assert result.returncode == 1, result.stdout + result.stderr
    events = Event.objects.count()
    assert f"kedjan slutar vid händelse {events - 1} men kontrollpunkten" in result.stderr
    assert f"når händelse {events}: de senaste händelserna har raderats" in result.stderr
