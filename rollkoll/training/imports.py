"""Importing course completions and bookings as Lärportalen reports them.

Status `completed` rows become Completion rows (dated when passed), `booked`
rows Booking rows (dated with the booked course's date); the natural key is
employee id + course code + status, the date is the value.
The file can be large (the region has about 600,000 rows): rows are kept as
pairs of ids with a date and merged set-based through a staging table, so a
re-import writes nothing and returns no one. Requests waiting for the
training of the people whose completions changed move on in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, TypeVar

from django.db import connection, models, transaction
from django.db.backends.utils import CursorWrapper
from django.utils.translation import gettext as _

from rollkoll.audit.services import record_import
from rollkoll.catalog.models import Course
from rollkoll.org.imports import person_reference
from rollkoll.org.models import Person
from rollkoll.tabular import (
    Column,
    ImportResult,
    Problems,
    Reference,
    Schema,
    batched,
)
from rollkoll.tabular.columns import iso_date, one_of, text
from rollkoll.tabular.importing import BATCH_SIZE
from rollkoll.training.hooks import completions_changed
from rollkoll.training.models import Booking, Completion, TrainingStatus

COMPLETED, BOOKED = TrainingStatus.COMPLETED.value, TrainingStatus.BOOKED.value
COMPLETIONS = Schema(
    (
        Column("employee_id", text(20)),
        Column("course_code", text(40)),
        Column("status", one_of((BOOKED, COMPLETED))),
        Column("date", iso_date),
    )
)
Rows = dict[tuple[int, int], dt.date]
Training = TypeVar("Training", Completion, Booking)


def import_completions(*, path: Path, actor: Any = None, progress: bool = False) -> ImportResult:
    """Returns the counts and the people whose completions were created or changed."""
    problems = Problems(str(path))
    people = person_reference()
    courses = Reference(
        dict(Course.objects.values_list("code", "pk")), _("Okänd utbildning ”%(code)s”.")
    )
    rows: dict[str, Rows] = {COMPLETED: {}, BOOKED: {}}
    for line, (employee_id, code, status, date) in COMPLETIONS.rows(
        path, problems, progress=progress
    ):
        person_id = people.resolve(employee_id, line=line, column="employee_id", problems=problems)
        course_id = courses.resolve(code, line=line, column="course_code", problems=problems)
        if person_id is None or course_id is None:
            continue
        same_status, key = rows[status], (person_id, course_id)
        if key in same_status:
            problems.add(
                line, "status", _("Samma person, utbildning och status finns på en tidigare rad.")
            )
        same_status[key] = date
    problems.raise_if_any()
    with transaction.atomic():
        done = _write(Completion, "completed_on", rows[COMPLETED], with_people=True)
        booked = _write(Booking, "booked_on", rows[BOOKED])
        result = ImportResult(
            "completions",
            created=done.created + booked.created,
            updated=done.updated + booked.updated,
            person_ids=done.person_ids,
            changes={"people": _employee_ids(done.person_ids)} if done.person_ids else {},
        )
        record_import(actor=actor, path=path, result=result)
        completions_changed(person_ids=done.person_ids)
    return result


def _employee_ids(person_ids: frozenset[int]) -> list[str]:
    """The people whose completions changed, by employee id, for the audit event."""
    employee_ids = Person.objects.filter(pk__in=person_ids).values_list("employee_id", flat=True)
    return sorted(employee_ids)


def _write(
    model: type[Training], date_field: str, rows: Rows, *, with_people: bool = False
) -> ImportResult:
    """Insert the new rows and update those whose date differs, set-based.

    The rows are staged in a temporary table; the stored rows among them are
    updated where their date differs and dropped from the stage, and the rest go
    in with a plain insert. So a large file costs a small multiple of its raw
    insert (bench/imports.py), a re-import writes nothing, and no statement reads
    the table it is filling (a plan that does can rescan it for every row).
    `with_people` also asks whose rows will change.
    Raw SQL rather than `bulk_create(update_conflicts=True)`: building and
    compiling 600,000 model instances cost five times the insert itself.
    """
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    staging = quote(f"staging_{model._meta.db_table}")
    field = model._meta.get_field(date_field)
    assert isinstance(field, models.DateField)
    column = quote(field.column)
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE {staging} (person_id bigint, course_id bigint, day date)"
        )
        _stage(cursor, staging, rows)
        people: frozenset[int] = frozenset()
        if with_people:
            cursor.execute(
                f"SELECT DISTINCT s.person_id FROM {staging} s LEFT JOIN {table} t "  # noqa: S608  # nosec
                "ON t.person_id = s.person_id AND t.course_id = s.course_id "
                f"WHERE t.{column} IS NULL OR t.{column} <> s.day"
            )
            people = frozenset(person for (person,) in cursor.fetchall())
        cursor.execute(
            f"UPDATE {table} SET {column} = s.day FROM {staging} s "  # noqa: S608  # nosec
            f"WHERE {table}.person_id = s.person_id AND {table}.course_id = s.course_id "
            f"AND {table}.{column} <> s.day"
        )
        updated = cursor.rowcount
        cursor.execute(
            f"DELETE FROM {staging} WHERE EXISTS (SELECT 1 FROM {table} t "  # noqa: S608  # nosec
            f"WHERE t.person_id = {staging}.person_id AND t.course_id = {staging}.course_id)"
        )
        cursor.execute(
            f"INSERT INTO {table} (person_id, course_id, {column}) "  # noqa: S608  # nosec
            f"SELECT person_id, course_id, day FROM {staging}"
        )
        created = cursor.rowcount
        cursor.execute(f"DROP TABLE {staging}")
    return ImportResult(model._meta.model_name or "", created, updated, people)


def _stage(cursor: CursorWrapper, staging: str, rows: Rows) -> None:
    """Fill the staging table: COPY on PostgreSQL, many-row VALUES lists elsewhere."""
    columns = f"{staging} (person_id, course_id, day)"
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {columns} FROM STDIN") as copy:
            for (person, course), day in rows.items():
                copy.write_row((person, course, day))
        cursor.execute(f"ANALYZE {staging}")  # temporary tables are never analysed by themselves
        return
    adapt = connection.ops.adapt_datefield_value
    size = min(BATCH_SIZE, (connection.features.max_query_params or BATCH_SIZE * 3) // 3)
    for batch in batched(rows.items(), size):
        values = ", ".join(["(%s, %s, %s)"] * len(batch))
        params = [value for (person, course), on in batch for value in (person, course, adapt(on))]
        cursor.execute(f"INSERT INTO {columns} VALUES {values}", params)  # noqa: S608  # nosec
