"""Region-scale imports against a raw bulk insert, on the configured database.

    DATABASE_URL=... SECRET_KEY=bench AUDIT_HMAC_KEY=... python bench/imports.py [demo|sas|region]

Generates the region files, imports all six twice (printing the table counts
after each round, which must agree), and times the completions import against
a raw insert of the same rows in the same run: executemany on SQLite, COPY on
PostgreSQL. The raw insert reads the same CSV and resolves the same keys, but
validates nothing; both commit (the commit flushes the log, a real part of the
cost) and start from the same settled state (see `settle`). The database
must hold no people yet (a fresh one; `migrate` runs first).
"""

from __future__ import annotations

import csv
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rollkoll.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from rollkoll.catalog.models import Course  # noqa: E402
from rollkoll.fictitious.files import generate  # noqa: E402
from rollkoll.fictitious.world import SCALES  # noqa: E402
from rollkoll.org import imports as org  # noqa: E402
from rollkoll.org.models import ManagerAssignment, ManagerLink, Person, Unit  # noqa: E402
from rollkoll.register.imports import import_grants  # noqa: E402
from rollkoll.register.models import Grant, GrantUnit  # noqa: E402
from rollkoll.training.imports import import_completions  # noqa: E402
from rollkoll.training.models import Booking, Completion  # noqa: E402

IMPORTS: dict[str, Callable[..., Any]] = {
    "units": org.import_units,
    "people": org.import_people,
    "managers": org.import_managers,
    "manager-links": org.import_manager_links,
    "completions": import_completions,
    "grants": import_grants,
}
TABLES = (Unit, Person, ManagerAssignment, ManagerLink, Completion, Booking, Grant, GrantUnit)


def timed(function: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def raw_insert(path: Path) -> float:
    """Read the file, resolve keys, insert every row and commit; returns the seconds.

    The rows are then removed again (untimed), so the import meets empty tables.
    """
    people = dict(Person.objects.values_list("employee_id", "pk"))
    courses = dict(Course.objects.values_list("code", "pk"))
    started = time.perf_counter()
    rows: dict[str, list[tuple[int, int, str]]] = {"completed": [], "booked": []}
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            key = (people[record["employee_id"]], courses[record["course_code"]], record["date"])
            rows[record["status"]].append(key)
    with transaction.atomic():
        _insert("training_completion", "completed_on", rows["completed"])
        _insert("training_booking", "booked_on", rows["booked"])
    elapsed = time.perf_counter() - started
    Completion.objects.all().delete()
    Booking.objects.all().delete()
    return elapsed


def settle() -> None:
    """Start a timed write from the same state: dead rows vacuumed, the log checkpointed.

    The raw insert's deleted rows stay behind as dead tuples on PostgreSQL, and its
    write-ahead log would otherwise be checkpointed during the import that follows.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE training_completion, training_booking")
            cursor.execute("CHECKPOINT")
        else:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _insert(table: str, date_column: str, rows: list[tuple[int, int, str]]) -> None:
    columns = f"person_id, course_id, {date_column}"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            sql = f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s)"  # noqa: S608
            cursor.executemany(sql, rows)


def counts() -> str:
    return ", ".join(f"{model.__name__} {model.objects.count()}" for model in TABLES)


def main() -> None:
    scale = sys.argv[1] if len(sys.argv) > 1 else "region"
    call_command("migrate", verbosity=0, skip_checks=True)
    if Person.objects.exists():
        sys.exit("The database already holds people: run the benchmark on a fresh one.")
    print(f"database: {connection.vendor}")
    with tempfile.TemporaryDirectory() as directory:
        out = Path(directory)
        seconds, rows = timed(generate, scale=SCALES[scale], out=out, seed=1)
        print(f"generate --scale {scale}: {seconds:.1f} s, rows {rows}")
        for round_ in (1, 2):
            for kind, function in IMPORTS.items():
                if kind == "completions" and round_ == 1:
                    settle()
                    raw = raw_insert(out / "completions.csv")
                    print(f"  raw insert of the completions rows: {raw:.1f} s")
                    settle()
                seconds, result = timed(function, path=out / f"{kind}.csv")
                print(
                    f"round {round_} {kind}: {seconds:.1f} s "
                    f"(created {result.created}, updated {result.updated})"
                )
                if kind == "completions" and round_ == 1:
                    print(f"  completions import / raw insert: {seconds / raw:.2f}x")
            print(f"after round {round_}: {counts()}")


if __name__ == "__main__":
    main()
