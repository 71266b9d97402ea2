"""Property tests for the parsers: CSV dialects, dates, personnummer."""

import csv
import io
import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rollkoll.fictitious.world import fictitious_personnummer
from rollkoll.org import personnummer
from rollkoll.org.imports import canonical_personnummer
from rollkoll.tabular.columns import CellError, iso_date
from rollkoll.tabular.reading import detect_delimiter, read_rows

names = st.text(alphabet=string.ascii_lowercase + "_", min_size=1, max_size=12)
cells = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff"),
    max_size=20,
)


@given(
    header=st.lists(names, min_size=2, max_size=8, unique=True),
    body=st.lists(st.lists(cells, min_size=1, max_size=8), max_size=5),
    delimiter=st.sampled_from([",", ";"]),
    bom=st.booleans(),
)
def test_csv_rows_survive_either_delimiter(tmp_path_factory, header, body, delimiter, bom):
    rows = [header] + [(row + [""] * len(header))[: len(header)] for row in body]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    path = tmp_path_factory.mktemp("csv") / "file.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8-sig" if bom else "utf-8", newline="")
    assert detect_delimiter(buffer.getvalue().splitlines()[0]) == delimiter
    expected = [row for row in rows if any(row)]
    assert [cells for _, cells in read_rows(path)] == expected


@given(st.dates())
def test_every_date_parses_from_its_iso_form(day):
    assert iso_date(day.isoformat()) == day


@given(st.dates(), st.sampled_from(["%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d"]))
def test_other_date_forms_are_refused(day, form):
    text = day.strftime(form)
    with pytest.raises(CellError, match=re.escape(text)):
        iso_date(text)


@given(st.integers(min_value=0, max_value=10_000_000))
def test_generated_personnummer_are_valid_and_1800s(number):
    value = fictitious_personnummer(number)
    assert canonical_personnummer(value) == value
    assert value.startswith("18")


@given(st.integers(min_value=0, max_value=10_000_000), st.integers(2, 11), st.integers(1, 9))
def test_any_changed_digit_under_the_check_is_refused(number, position, delta):
    """Luhn covers YYMMDDNNNC: changing any one of those digits breaks the number."""
    value = fictitious_personnummer(number)
    digit_positions = [index for index, char in enumerate(value) if char.isdigit()]
    at = digit_positions[position]
    changed = value[:at] + str((int(value[at]) + delta) % 10) + value[at + 1 :]
    assert not personnummer.is_valid(changed)
    with pytest.raises(CellError, match=re.escape(changed)):
        canonical_personnummer(changed)
