import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rollkoll.notify.calendar import add_working_days, is_working_day, working_days_between

D = dt.date
dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2060, 12, 31))


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2026, 6, 18), True),  # the Thursday before Midsommar
        (D(2026, 6, 19), False),  # Midsommarafton
        (D(2026, 6, 20), False),  # Midsommardagen (a Saturday)
        (D(2026, 6, 22), True),
        (D(2026, 12, 23), True),
        (D(2026, 12, 24), False),  # Julafton
        (D(2026, 12, 25), False),  # Juldagen
        (D(2026, 12, 28), True),
        (D(2026, 12, 31), False),  # Nyårsafton
        (D(2027, 1, 1), False),  # Nyårsdagen
        (D(2026, 4, 2), True),  # Skärtorsdagen
        (D(2026, 4, 3), False),  # Långfredagen
        (D(2026, 4, 6), False),  # Annandag påsk
        (D(2026, 4, 7), True),
        (D(2026, 5, 14), False),  # Kristi himmelsfärdsdag
        (D(2026, 6, 6), False),  # Nationaldagen (a Saturday)
        (D(2025, 6, 6), False),  # Nationaldagen (a Friday)
        (D(2026, 11, 21), False),  # a Saturday
        (D(2026, 11, 23), True),
    ],
)
def test_working_days(day, working):
    assert is_working_day(day) is working


def test_easter_moves_with_the_year():
    assert not is_working_day(D(2027, 3, 26))  # Långfredagen 2027
    assert not is_working_day(D(2027, 3, 29))  # Annandag påsk 2027
    assert is_working_day(D(2026, 3, 26))


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (D(2026, 6, 17), 2, D(2026, 6, 22)),  # over Midsommar
        (D(2026, 12, 22), 2, D(2026, 12, 28)),  # over Christmas
        (D(2026, 12, 23), 4, D(2027, 1, 4)),  # over Christmas and the New Year
        (D(2026, 4, 1), 2, D(2026, 4, 7)),  # over Easter
        (D(2026, 11, 20), 1, D(2026, 11, 23)),  # over a weekend
        (D(2026, 11, 21), 0, D(2026, 11, 21)),
        (D(2026, 4, 7), -2, D(2026, 4, 1)),  # back over Easter
    ],
)
def test_add_working_days(start, n, expected):
    assert add_working_days(start, n) == expected


def test_working_days_between_counts_after_the_start_up_to_the_end():
    assert working_days_between(D(2026, 12, 18), D(2026, 12, 28)) == 4  # 21–23, 28
    assert working_days_between(D(2026, 12, 28), D(2026, 12, 18)) == -4
    assert working_days_between(D(2026, 6, 19), D(2026, 6, 19)) == 0


@given(dates, st.integers(min_value=0, max_value=400))
def test_counting_undoes_adding(start, n):
    end = add_working_days(start, n)
    assert working_days_between(start, end) == n
    assert n == 0 or is_working_day(end)


@given(dates, st.integers(min_value=1, max_value=400))
def test_adding_backwards_from_a_working_day_is_counted_negative(start, n):
    start = add_working_days(start, 1)
    assert working_days_between(start, add_working_days(start, -n)) == -n


@given(dates, dates, dates)
def test_counts_add_up(a, b, c):
    a, b, c = sorted([a, b, c])
    assert working_days_between(a, c) == working_days_between(a, b) + working_days_between(b, c)
