"""Swedish personal identity numbers (personnummer), pure Python.

Accepted forms: ``YYYYMMDD-NNNN``, ``YYYYMMDDNNNN``, ``YYMMDD-NNNN`` and
``YYMMDD+NNNN`` (``+`` marks a person aged 100 or more). Coordination numbers
(day + 60) are accepted. The canonical form is ``YYYYMMDD-NNNN``.
"""

import datetime as dt
import re

_PATTERN = re.compile(r"^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})$")


class InvalidPersonnummer(ValueError):
    pass


def luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def luhn_check_digit(nine_digits: str) -> str:
    for candidate in "0123456789":
        if luhn_ok(nine_digits + candidate):
            return candidate
    raise AssertionError("unreachable: one check digit always fits")


def normalize(value: str, *, today: dt.date | None = None) -> str:
    """Return the canonical ``YYYYMMDD-NNNN`` form, or raise InvalidPersonnummer."""
    match = _PATTERN.match(value.strip().replace(" ", ""))
    if not match:
        raise InvalidPersonnummer("format")
    century, year, month, day, separator, tail = match.groups()
    today = today or dt.date.today()
    if century is None:
        full_year = _infer_year(int(year), int(month), separator, today)
    else:
        full_year = int(century + year)
    real_day = int(day) - 60 if int(day) > 60 else int(day)
    try:
        dt.date(full_year, int(month), real_day)
    except ValueError as error:
        raise InvalidPersonnummer("date") from error
    if not luhn_ok(f"{year}{month}{day}{tail}"):
        raise InvalidPersonnummer("checksum")
    return f"{full_year:04d}{month}{day}-{tail}"


def _infer_year(year: int, month: int, separator: str, today: dt.date) -> int:
    full_year = today.year - (today.year - year) % 100
    if separator == "+":
        full_year -= 100
    return full_year


def is_valid(value: str) -> bool:
    try:
        normalize(value)
    except InvalidPersonnummer:
        return False
    return True


def birth_date(canonical: str) -> dt.date:
    day = int(canonical[6:8])
    return dt.date(int(canonical[:4]), int(canonical[4:6]), day - 60 if day > 60 else day)


def mask(canonical: str) -> str:
    """What a caller who may not see personnummer gets: the birth date only."""
    return canonical[:8] + "-****"
