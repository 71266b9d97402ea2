"""Fuzzing every import: any file is imported or refused with problems naming
file, line and column, and a refused file changes nothing.

Files are built from the demo files' own values mixed with any text (control
characters, NUL, overlong values), headers shuffled, cut or padded, rows too
short or too long; as CSV with either delimiter or as XLSX; and raw bytes.
"""

import csv
import importlib
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from rollkoll.audit.models import Event
from rollkoll.tabular import Refused
from rollkoll.tabular.columns import MAX_CELL_LENGTH
from tests.fuzzing import fuzz

from .conftest import KINDS, read_csv
from .test_round_trip import table_counts

IMPORTERS = importlib.import_module("rollkoll.ops.management.commands.import").IMPORTERS
pytestmark = pytest.mark.django_db
ODD_CELLS = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\t",
    "\r\n",
    "2024-02-30",
    "0000-01-01",
    "9999-12-31",
    "-1",
    "1e309",
    "=1+1",
    ";",
    ",",
    '"',
    "\ufeff",
]


def database_state() -> dict[str, int]:
    return table_counts() | {"Event": Event.objects.count()}


@st.composite
def tables(draw, kind: str, demo: list[list[str]]) -> list[list[str]]:
    """A table shaped like the demo file of `kind`: its values, any text, odd cells."""
    names = demo[0]
    pool = sorted({value for row in demo[1:] for value in row})
    cell = st.one_of(
        st.sampled_from(pool),
        st.text(max_size=30),
        st.sampled_from(ODD_CELLS),
        st.integers(MAX_CELL_LENGTH - 2, MAX_CELL_LENGTH + 2).map(lambda n: "x" * n),
    )
    header = draw(
        st.one_of(
            st.just(names),
            st.permutations(names),
            st.lists(st.sampled_from([*names, "unknown", ""]), min_size=1, max_size=12),
        )
    )
    width = st.integers(max(len(header) - 1, 0), len(header) + 1)
    rows = draw(
        st.lists(width.flatmap(lambda n: st.lists(cell, min_size=n, max_size=n)), max_size=6)
    )
    return [header, *rows]


def write(table: list[list[str]], directory: Path, kind: str, form: str, delimiter=",") -> Path:
    if form == "xlsx":
        workbook = Workbook()
        for row in table:
            workbook.active.append([ILLEGAL_CHARACTERS_RE.sub("", cell) for cell in row])
        path = directory / f"{kind}.xlsx"
        workbook.save(path)
        return path
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(table)
    path = directory / f"{kind}.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    return path


def imported_or_refused(kind: str, path: Path) -> None:
    """Import the file; if it is refused, every problem is located and nothing changed."""
    before = database_state()
    try:
        IMPORTERS[kind](path=path, actor=None)
    except Refused as refused:
        problems = refused.problems
    else:
        return
    assert problems
    for problem in problems:
        assert problem.file == str(path)
        assert problem.line >= 1
        assert 0 < len(problem.column) <= 40
        assert 0 < len(problem.message) < 400
    assert database_state() == before


@pytest.fixture
def demo_tables(imported) -> dict[str, list[list[str]]]:
    return {kind: read_csv(imported / f"{kind}.csv") for kind in KINDS}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_any_table_is_imported_or_refused_cleanly(demo_tables, tmp_path_factory, kind, form):
    @fuzz
    @given(data=st.data())
    def check(data):
        table = data.draw(tables(kind, demo_tables[kind]))
        delimiter = data.draw(st.sampled_from([",", ";"]))
        path = write(table, tmp_path_factory.mktemp("fuzz"), kind, form, delimiter)
        imported_or_refused(kind, path)

    check()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_any_bytes_are_refused_cleanly(imported, tmp_path_factory, kind, suffix):
    @fuzz
    @example(b"")
    @example(b"\xff\xfe\x00")
    @example(b"PK\x03\x04")
    @given(content=st.binary(max_size=200))
    def check(content):
        path = tmp_path_factory.mktemp("fuzz") / f"{kind}{suffix}"
        path.write_bytes(content)
        imported_or_refused(kind, path)

    check()


@pytest.mark.parametrize("kind", ["completions", "grants"])
def test_a_damaged_xlsx_is_refused_cleanly(demo_tables, tmp_path_factory, kind):
    """Bytes of a real workbook changed at random: a damaged zip or damaged XML."""
    source = write(demo_tables[kind][:4], tmp_path_factory.mktemp("xlsx"), kind, "xlsx")
    original = source.read_bytes()

    @fuzz
    @given(
        changes=st.lists(
            st.tuples(st.integers(0, len(original) - 1), st.integers(0, 255)),
            min_size=1,
            max_size=8,
        )
    )
    def check(changes):
        damaged = bytearray(original)
        for position, value in changes:
            damaged[position] = value
        assume(bytes(damaged) != original)
        path = tmp_path_factory.mktemp("fuzz") / f"{kind}.xlsx"
        path.write_bytes(bytes(damaged))
        imported_or_refused(kind, path)

    check()


@pytest.mark.parametrize("kind", ["people", "units"])
def test_damaged_sheet_xml_is_refused_cleanly(demo_tables, tmp_path_factory, kind):
    """The sheet's XML cut or spliced with markup: refused, never a parser's exception."""
    source = write(demo_tables[kind][:4], tmp_path_factory.mktemp("xlsx"), kind, "xlsx")
    with zipfile.ZipFile(source) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = members["xl/worksheets/sheet1.xml"]
    markup = st.sampled_from(
        [b"<", b"&", b"&lol;", b"<!DOCTYPE x [<!ENTITY a 'b'>]>", b"<c r='A1'/>", b"</row>", b""]
    )

    @fuzz
    @given(cut=st.integers(0, len(sheet)), insert=markup)
    def check(cut, insert):
        path = tmp_path_factory.mktemp("fuzz") / f"{kind}.xlsx"
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in members.items():
                archive.writestr(
                    name, sheet[:cut] + insert + sheet[cut:] if data is sheet else data
                )
        imported_or_refused(kind, path)

    check()
