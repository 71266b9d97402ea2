"""Swedish working days, for the handling times (SLA) of approval stages.

Weekends, public holidays (helgdagar) and the de facto holidays Midsommarafton,
Julafton and Nyårsafton are not working days: offices, specialist support
included, are closed on them.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays

_ONE_DAY = dt.timedelta(days=1)


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[dt.date]:
    days = holidays.country_holidays(
        "SE", years=year, categories=("public", "de_facto"), include_sundays=False
    )
    return frozenset(days)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The date n working days after start (before it when n is negative).

    With n = 0 the start itself, working day or not.
    """
    step = _ONE_DAY if n >= 0 else -_ONE_DAY
    day = start
    for _ in range(abs(n)):
        day += step
        while not is_working_day(day):
            day += step
    return day


def working_days_between(a: dt.date, b: dt.date) -> int:
    """Working days after a up to and including b (negative when b is before a).

    So that `working_days_between(a, add_working_days(a, n)) == n`.
    """
    if b < a:
        return -working_days_between(b, a)
    return sum(1 for offset in range(1, (b - a).days + 1) if is_working_day(a + offset * _ONE_DAY))
