"""Typed columns: each turns a cell's text into a value or says, in Swedish, why not.

What every cell must be, whatever its column: at most `MAX_CELL_LENGTH`
characters, and free of control characters. Spaces, tabs and line breaks at the
edges of a cell are trimmed; inside a value every control character is refused
(NUL, tab, line break and the rest of C0 and C1, U+0000–U+001F and
U+007F–U+009F), since no column of the import files holds more than one line.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from rollkoll.tabular.problems import shown

MAX_CELL_LENGTH = 1000
CONTROL_CHARACTER = re.compile("[\x00-\x1f\x7f-\x9f]")


class CellError(ValueError):
    """A cell's text is not a value of its column; the message is for the user."""


@dataclass(frozen=True)
class Column:
    """A column of a file: its header name, its parser and whether it may be empty.

    An empty optional cell gives `empty` without calling the parser.
    """

    name: str
    parse: Callable[[str], Any] = str
    required: bool = True
    empty: Any = ""

    def value(self, text: str) -> Any:
        if len(text) > MAX_CELL_LENGTH:
            raise CellError(_("Värdet är längre än %(max)d tecken.") % {"max": MAX_CELL_LENGTH})
        text = text.strip()
        if not text:
            if self.required:
                raise CellError(_("Värde saknas."))
            return self.empty
        if control := CONTROL_CHARACTER.search(text):
            raise CellError(
                _("Värdet har ett otillåtet kontrolltecken (U+%(code)04X) vid tecken %(position)d.")
                % {"code": ord(control.group()), "position": control.start() + 1}
            )
        return self.parse(text)


@functools.lru_cache(maxsize=65536)
def iso_date(text: str) -> dt.date:
    """An ISO 8601 date (cached: a large file repeats few distinct dates)."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CellError(
            _("”%(text)s” är inte ett datum enligt ISO 8601 (ÅÅÅÅ-MM-DD).") % {"text": shown(text)}
        ) from None


def email(text: str) -> str:
    try:
        validate_email(text)
    except ValidationError:
        raise CellError(
            _("”%(text)s” är ingen giltig e-postadress.") % {"text": shown(text)}
        ) from None
    return text


def one_of(values: Iterable[str]) -> Callable[[str], str]:
    allowed = tuple(values)

    def parse(text: str) -> str:
        if text not in allowed:
            listed = ", ".join(value or "(tomt)" for value in allowed)
            raise CellError(
                _("”%(text)s” är inte ett av de tillåtna värdena: %(allowed)s.")
                % {"text": shown(text), "allowed": listed}
            )
        return text

    return parse


def text(max_length: int) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if len(value) > max_length:
            raise CellError(
                _("Värdet är längre än %(max)d tecken.") % {"max": max_length},
            )
        return value

    return parse


def code_list(separator: str = ";") -> Callable[[str], tuple[str, ...]]:
    """A list of codes in one cell, e.g. `4711;4712`; empty parts are left out."""

    def parse(value: str) -> tuple[str, ...]:
        codes = tuple(dict.fromkeys(part.strip() for part in value.split(separator)))
        return tuple(code for code in codes if code)

    return parse
