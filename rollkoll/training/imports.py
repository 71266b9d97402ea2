"""Importing course completions and bookings as Lärportalen reports them.

Status `completed` rows become Completion rows, `booked` rows Booking rows; the
natural key is employee id + course code + status, the date is the value.
The file can be large (the region has about 600,000 rows): rows are kept as
pairs of ids and written in batches, comparing each batch with what is stored,
so a re-import writes nothing and returns no one. Requests waiting for the
training of the people whose completions changed move on in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

from django.db import connection, models, transaction
from django.utils.translation import gettext as _

from rollkoll.access.services import requests_resume_after_training
from rollkoll.catalog.models import Course
from rollkoll.org.imports import person_reference
from rollkoll.tabular import (
    Column,
    ImportResult,
    Problems,
    Reference,
    Schema,
    batched,
    record_import,
)
from rollkoll.tabular.columns import iso_date, one_of, text
from rollkoll.tabular.importing import BATCH_SIZE
from rollkoll.training.models import Booking, Completion

COMPLETED, BOOKED = "completed", "booked"
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
        if (person_id, course_id) in rows[status]:
            problems.add(
                line, "status", _("Samma person, utbildning och status finns på en tidigare rad.")
            )
        rows[status][person_id, course_id] = date
    problems.raise_if_any()
    with transaction.atomic():
        done = _write(Completion, "completed_on", rows[COMPLETED])
        booked = _write(Booking, "booked_on", rows[BOOKED])
        result = ImportResult(
            "completions",
            created=done.created + booked.created,
            updated=done.updated + booked.updated,
            person_ids=done.person_ids,
        )
        record_import(actor=actor, path=path, result=result)
        requests_resume_after_training(person_ids=done.person_ids)
    return result


def _write(model: type[Training], date_field: str, rows: Rows) -> ImportResult:
    """Upsert the rows that are new or carry another date, a batch of people at a time."""
    created = updated = 0
    people: set[int] = set()
    for batch in batched(sorted(rows)):
        stored = {
            (person, course): date
            for person, course, date in model.objects.filter(
                person_id__in={person for person, _ in batch}
            ).values_list("person_id", "course_id", date_field)
        }
        writes = [key for key in batch if stored.get(key) != rows[key]]
        new = [(p, c, rows[p, c]) for p, c in writes if (p, c) not in stored]
        changed = [(p, c, rows[p, c]) for p, c in writes if (p, c) in stored]
        _insert(model, date_field, new, replace=False)
        _insert(model, date_field, changed, replace=True)
        created, updated = created + len(new), updated + len(changed)
        people.update(person for person, _ in writes)
    return ImportResult(model._meta.model_name or "", created, updated, frozenset(people))


def _insert(
    model: type[Training], date_field: str, rows: list[tuple[int, int, dt.date]], *, replace: bool
) -> None:
    """Insert `(person, course, date)` rows, many to a statement; `replace` updates existing ones.

    Raw SQL instead of `bulk_create(update_conflicts=True)`: building and compiling
    600,000 model instances cost five times the insert itself (bench/imports.py).
    New rows go in without a conflict clause, the cheapest insert there is; should
    another import add the same row meanwhile, this one fails whole, writing nothing.
    """
    quote = connection.ops.quote_name
    field = model._meta.get_field(date_field)
    assert isinstance(field, models.DateField)
    column = quote(field.column)
    statement = (
        f"INSERT INTO {quote(model._meta.db_table)} (person_id, course_id, {column}) {{source}}"
    )
    if replace:
        statement += (
            f" ON CONFLICT (person_id, course_id) DO UPDATE SET {column} = excluded.{column}"
        )
    with connection.cursor() as cursor:
        for source, params in _row_sources(rows):
            cursor.execute(statement.format(source=source), params)


def _row_sources(rows: list[tuple[int, int, dt.date]]) -> Iterator[tuple[str, list[Any]]]:
    """The rows as SQL sources: three arrays on PostgreSQL, VALUES lists elsewhere.

    PostgreSQL gets three parameters per batch instead of three per row, which
    spares the driver splitting a statement with thousands of placeholders.
    """
    if connection.vendor == "postgresql":
        for batch in batched(rows, 10 * BATCH_SIZE):
            people, courses, dates = zip(*batch, strict=True)
            source = "SELECT * FROM unnest(%s::bigint[], %s::bigint[], %s::date[])"
            yield source, [list(people), list(courses), list(dates)]
        return
    adapt = connection.ops.adapt_datefield_value
    size = min(BATCH_SIZE, (connection.features.max_query_params or BATCH_SIZE * 3) // 3)
    for batch in batched(rows, size):
        values = "VALUES " + ", ".join(["(%s, %s, %s)"] * len(batch))
        yield (
            values,
            [value for person, course, on in batch for value in (person, course, adapt(on))],
        )
