"""What every import shares: its result, batching, references and the bulk upsert."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, TypeVar

from django.db.models import Model

from rollkoll.tabular.problems import Problems, shown

BATCH_SIZE = 2000
T = TypeVar("T")


@dataclass(frozen=True)
class ImportResult:
    """Counts of one import and what it changed, by natural key, for its audit event.

    `person_ids` are the people whose training changed, for the hooks above.
    """

    kind: str
    created: int = 0
    updated: int = 0
    person_ids: frozenset[int] = field(default_factory=frozenset)
    changes: Mapping[str, Any] = field(default_factory=dict)


def batched(items: Iterable[T], size: int = BATCH_SIZE) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


@dataclass(frozen=True)
class Reference:
    """The codes of one kind of object known to the database, e.g. unit codes to ids."""

    ids: Mapping[str, int]
    unknown: str

    def resolve(self, code: str, *, line: int, column: str, problems: Problems) -> int | None:
        found = self.ids.get(code)
        if found is None:
            problems.add(line, column, self.unknown % {"code": shown(code)})
        return found


def upsert(
    model: type[Model], key: str, rows: Mapping[Any, Mapping[str, Any]]
) -> tuple[list[Any], list[Any]]:
    """Create the rows whose key is new and update those that differ; the keys of each.

    For tables of organisation size (tens of thousands of rows): the current
    rows are read in one query and only real changes are written, in batches.
    """
    fields = list(next(iter(rows.values()), {}))
    existing = {row[key]: row for row in model._default_manager.values("pk", key, *fields)}
    new, changed = [], []
    for value, wanted in rows.items():
        current = existing.get(value)
        if current is None:
            new.append(model(**{key: value}, **wanted))
        elif any(current[name] != wanted[name] for name in fields):
            changed.append(model(pk=current["pk"], **{key: value}, **wanted))
    model._default_manager.bulk_create(new, batch_size=BATCH_SIZE)
    model._default_manager.bulk_update(changed, fields, batch_size=BATCH_SIZE)
    return [getattr(row, key) for row in new], [getattr(row, key) for row in changed]
