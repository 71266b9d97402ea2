"""Hostile or broken files are refused with a clear problem and change nothing.

Header-only files, XML entities and zip bombs in XLSX, overlong cells,
control characters, damaged files and files with more problems than anyone reads.
"""

import zipfile

import pytest
from openpyxl import Workbook

from rollkoll.audit.models import Event
from rollkoll.tabular.columns import MAX_CELL_LENGTH
from rollkoll.tabular.problems import MAX_PROBLEMS, SHOWN_LENGTH
from rollkoll.tabular.reading import XLSX_MAX_UNCOMPRESSED

from .conftest import KINDS, read_csv, run_import, write_csv
from .test_refused import refused
from .test_round_trip import table_counts

pytestmark = pytest.mark.django_db
COMPLETIONS_HEADER = ["employee_id", "course_code", "status", "date"]


def database_state() -> dict[str, int]:
    return table_counts() | {"Event": Event.objects.count()}


@pytest.fixture
def before(imported):
    return database_state()


def completions_csv(imported, tmp_path, cells: dict[str, str]):
    """The demo completions with the first row's cells replaced."""
    table = read_csv(imported / "completions.csv")
    for column, value in cells.items():
        table[1][table[0].index(column)] = value
    return write_csv(tmp_path / "completions.csv", table)


def workbook_file(tmp_path, rows, name="completions.xlsx"):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    path = tmp_path / name
    workbook.save(path)
    return path


def a_completion(imported) -> list[str]:
    return read_csv(imported / "completions.csv")[1]


@pytest.mark.parametrize("kind", KINDS)
def test_a_header_only_file_is_refused(imported, tmp_path, before, kind):
    header = read_csv(imported / f"{kind}.csv")[0]
    path = write_csv(tmp_path / f"{kind}.csv", [header])
    assert refused(kind, path) == [f"{path}:2:-: Filen har bara en rubrikrad och inga rader."]
    assert database_state() == before


def test_a_header_only_xlsx_is_refused(imported, tmp_path, before):
    path = workbook_file(tmp_path, [COMPLETIONS_HEADER])
    assert refused("completions", path) == [
        f"{path}:2:-: Filen har bara en rubrikrad och inga rader."
    ]
    assert database_state() == before


ENTITIES = '<!ENTITY lol0 "lol">' + "".join(
    f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
)
BILLION_LAUGHS = f'<?xml version="1.0"?>\n<!DOCTYPE lolz [{ENTITIES}]>\n'


def with_member(path, member: str, transform) -> None:
    """Rewrite one member of an XLSX (zip) file in place."""
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members[member] = transform(members[member])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_xml_entities_in_an_xlsx_are_refused(imported, tmp_path, before):
    path = workbook_file(tmp_path, [COMPLETIONS_HEADER, a_completion(imported)])

    def bomb(xml: bytes) -> bytes:
        body = xml.split(b"?>", 1)[-1]
        return (BILLION_LAUGHS + body.decode()).replace("completed", "&lol9;").encode()

    with_member(path, "xl/worksheets/sheet1.xml", bomb)
    [problem] = refused("completions", path)
    assert problem.startswith(f"{path}:1:-: Filen kan inte läsas: XLSX-filen innehåller XML-")
    assert database_state() == before


def test_a_zip_bomb_is_refused_before_it_is_unpacked(imported, tmp_path, before):
    path = workbook_file(tmp_path, [COMPLETIONS_HEADER, a_completion(imported)])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/zeros.bin", bytes(XLSX_MAX_UNCOMPRESSED))
    assert path.stat().st_size < 1024 * 1024
    [problem] = refused("completions", path)
    assert problem == f"{path}:1:-: Filen kan inte läsas: XLSX-filen packas upp till mer än 50 MB."
    assert database_state() == before


@pytest.mark.parametrize(
    ("member", "damage"),
    [
        ("xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) // 2]),
        ("xl/workbook.xml", lambda xml: b"not xml at all"),
    ],
)
def test_a_damaged_xlsx_is_refused(imported, tmp_path, before, member, damage):
    path = workbook_file(tmp_path, [COMPLETIONS_HEADER, a_completion(imported)])
    with_member(path, member, damage)
    [problem] = refused("completions", path)
    assert "Filen kan inte läsas: XLSX-filen är skadad" in problem
    assert database_state() == before


def test_a_file_named_xlsx_that_is_no_zip_is_refused(imported, tmp_path, before):
    path = tmp_path / "completions.xlsx"
    path.write_text(",".join(COMPLETIONS_HEADER))
    [problem] = refused("completions", path)
    assert "Filen kan inte läsas" in problem
    assert database_state() == before


def test_a_cell_far_to_the_right_is_not_read(imported, tmp_path, before):
    """A lone cell at column XFD would pad every row to 16,384 cells; it is not read."""
    rows = [COMPLETIONS_HEADER, ["X999", "intro", "completed", "2024-01-01"]]
    path = workbook_file(tmp_path, rows)

    def far_right(xml: bytes) -> bytes:
        row = b'<row r="3"><c r="XFD3"><v>1</v></c></row>'
        return xml.replace(b"</sheetData>", row + b"</sheetData>")

    with_member(path, "xl/worksheets/sheet1.xml", far_right)
    assert refused("completions", path) == [
        f"{path}:2:employee_id: Okänt anställningsnummer ”X999”."
    ]
    assert database_state() == before


def test_an_overlong_cell_is_refused(imported, tmp_path, before):
    path = completions_csv(imported, tmp_path, {"course_code": "k" * (MAX_CELL_LENGTH + 1)})
    assert refused("completions", path) == [
        f"{path}:2:course_code: Värdet är längre än {MAX_CELL_LENGTH} tecken."
    ]
    assert database_state() == before


def test_an_overlong_xlsx_cell_is_refused(imported, tmp_path, before):
    row = a_completion(imported)
    row[1] = "k" * (MAX_CELL_LENGTH + 1)
    path = workbook_file(tmp_path, [COMPLETIONS_HEADER, row])
    assert refused("completions", path) == [
        f"{path}:2:course_code: Värdet är längre än {MAX_CELL_LENGTH} tecken."
    ]
    assert database_state() == before


@pytest.mark.parametrize(
    ("kind", "column", "message"),
    [
        ("completions", "date", "är inte ett datum"),
        ("grants", "unit_codes", "Okänt ansvar"),
        ("people", "personnummer", "är inget giltigt personnummer"),
        ("people", "email", "är ingen giltig e-postadress"),
    ],
)
def test_a_long_value_is_cut_in_the_message(imported, tmp_path, before, kind, column, message):
    table = read_csv(imported / f"{kind}.csv")
    table[1][table[0].index(column)] = "x" * 500
    path = write_csv(tmp_path / f"{kind}.csv", table)
    [problem] = refused(kind, path)
    assert message in problem
    shown = problem.split("”")[1]
    assert shown == "x" * (SHOWN_LENGTH - 1) + "…"
    assert database_state() == before


def test_a_long_unknown_column_name_is_cut(imported, tmp_path, before):
    path = write_csv(tmp_path / "c.csv", [[*COMPLETIONS_HEADER, "y" * 500], a_completion(imported)])
    problems = refused("completions", path)
    assert problems == [f"{path}:1:{'y' * (SHOWN_LENGTH - 1)}…: Okänd kolumn."]


@pytest.mark.parametrize(
    ("value", "code", "position"),
    [("E00\x000001", "0000", 4), ("intro\x07", "0007", 6), ("in\ttro", "0009", 3)],
)
def test_control_characters_are_refused_with_line_and_column(
    imported, tmp_path, before, value, code, position
):
    column = "employee_id" if value.startswith("E") else "course_code"
    path = completions_csv(imported, tmp_path, {column: value})
    assert refused("completions", path) == [
        f"{path}:2:{column}: Värdet har ett otillåtet kontrolltecken (U+{code}) "
        f"vid tecken {position}."
    ]
    assert database_state() == before


def test_a_line_break_inside_a_cell_is_refused(imported, tmp_path, before):
    row = a_completion(imported)
    row[1] = "kurs-\nchef"
    path = write_csv(tmp_path / "completions.csv", [COMPLETIONS_HEADER, row])
    assert refused("completions", path) == [
        f"{path}:2:course_code: Värdet har ett otillåtet kontrolltecken (U+000A) vid tecken 6."
    ]
    xlsx = workbook_file(tmp_path, [COMPLETIONS_HEADER, row])
    assert refused("completions", xlsx) == [
        f"{xlsx}:2:course_code: Värdet har ett otillåtet kontrolltecken (U+000A) vid tecken 6."
    ]
    assert database_state() == before


def test_tabs_and_line_breaks_at_the_edges_are_trimmed(imported, tmp_path):
    row = a_completion(imported)
    path = write_csv(
        tmp_path / "completions.csv",
        [COMPLETIONS_HEADER, [f"\t{row[0]}\n", f" {row[1]}\t", row[2], row[3]]],
    )
    assert "0 nya, 0 ändrade" in run_import("completions", path)


def test_reading_stops_at_the_problem_limit(imported, tmp_path, before):
    rows = [["X999", "intro", "completed", "2024-01-01"]] * (MAX_PROBLEMS + 500)
    path = write_csv(tmp_path / "completions.csv", [COMPLETIONS_HEADER, *rows])
    problems = refused("completions", path)
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1] == (
        f"{path}:{MAX_PROBLEMS + 1}:-: Fler än {MAX_PROBLEMS} fel; resten av filen lästes inte."
    )
    assert database_state() == before


def test_a_column_without_a_name_is_named_by_its_position(imported, tmp_path, before):
    path = write_csv(tmp_path / "c.csv", [[*COMPLETIONS_HEADER, ""], [*a_completion(imported), ""]])
    assert refused("completions", path) == [f"{path}:1:kolumn 5: Kolumnen saknar namn."]
    assert database_state() == before
