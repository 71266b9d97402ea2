"""Names folded for search: lower case, and å ä ö and other accents on their base letter.

A search for "ostlund" finds Östlund and "ÅSA" finds Åsa. The same table folds
in Python (the search words) and in the database (the names), so the two
backends agree: PostgreSQL's `translate` gets the table as its arguments
(upper-case letters included, since `lower` leaves them under the C locale),
SQLite a function registered on each new connection.
"""

from __future__ import annotations

from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import CharField, Func, Value
from django.db.models.functions import Lower

_BASES = {
    "a": "àáâãäå",
    "c": "ç",
    "e": "èéêë",
    "i": "ìíîï",
    "n": "ñ",
    "o": "òóôõöø",
    "u": "ùúûü",
    "y": "ýÿ",
}
_FROM = "".join(letters + letters.upper() for letters in _BASES.values())
_TO = "".join(base * (2 * len(letters)) for base, letters in _BASES.items())
_TABLE = str.maketrans(_FROM, _TO)
SQLITE_FUNCTION = "rollkoll_fold"


def fold(text: str) -> str:
    return text.lower().translate(_TABLE)


class Folded(Func):
    """The database's `fold` of a text expression."""

    output_field = CharField()

    def __init__(self, expression: Any) -> None:
        super().__init__(Lower(expression), Value(_FROM), Value(_TO), function="translate")

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        lowered = self.source_expressions[0]
        return Func(lowered, function=SQLITE_FUNCTION).as_sql(compiler, connection)


def register_sqlite_function(*, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """`connection_created` receiver: SQLite has no `translate`, so it gets `fold`."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FUNCTION, 1, _fold_or_null, deterministic=True)


def _fold_or_null(text: str | None) -> str | None:
    return None if text is None else fold(text)
