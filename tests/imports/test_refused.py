"""A file with any problem is refused whole, naming file, line and column; nothing is written."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from .conftest import read_csv, write_csv
from .test_round_trip import table_counts


def refused(kind: str, path) -> list[str]:
    """Run the import, expect refusal, return the problems it printed."""
    err = io.StringIO()
    with pytest.raises(CommandError, match="inget sparades"):
        call_command("import", kind, str(path), stdout=io.StringIO(), stderr=err)
    return err.getvalue().splitlines()


def edited(demo_files, tmp_path, kind: str, line: int, column: str, value: str):
    """The demo file of `kind` with one cell replaced (line 1 is the header)."""
    table = read_csv(demo_files / f"{kind}.csv")
    table[line - 1][table[0].index(column)] = value
    return write_csv(tmp_path / f"{kind}.csv", table)


CASES = [
    ("completions", 3, "course_code", "kurs-okand", "Okänd utbildning ”kurs-okand”."),
    ("completions", 4, "status", "klar", "”klar” är inte ett av de tillåtna värdena"),
    ("completions", 5, "employee_id", "X999", "Okänt anställningsnummer ”X999”."),
    ("completions", 6, "date", "2024-02-30", "”2024-02-30” är inte ett datum"),
    ("people", 2, "personnummer", "18500101-0001", "”18500101-0001” är inget giltigt"),
    ("people", 3, "unit_code", "0000", "Okänt ansvar ”0000”."),
    ("people", 4, "employed_from", "4/5/2020", "”4/5/2020” är inte ett datum"),
    ("people", 5, "manager_kind", "chef", "”chef” är inte ett av de tillåtna värdena"),
    ("managers", 2, "unit_code", "0000", "Okänt ansvar ”0000”."),
    ("manager-links", 3, "valid_from", "igår", "”igår” är inte ett datum"),
    ("grants", 2, "role_code", "superchef", "Okänd roll ”superchef”."),
    ("grants", 3, "unit_codes", "0000", "Okänt ansvar ”0000”."),
    ("units", 4, "parent_unit_code", "0000", "Okänt ansvar ”0000”."),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "line", "column", "value", "message"), CASES)
def test_bad_cell_is_refused_with_line_and_column(
    imported, tmp_path, kind, line, column, value, message
):
    before = table_counts()
    path = edited(imported, tmp_path, kind, line, column, value)
    problems = refused(kind, path)
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:{line}:{column}: {message}")
    assert table_counts() == before


@pytest.mark.django_db
def test_every_problem_is_reported_and_nothing_written(demo_files, tmp_path):
    table = read_csv(demo_files / "units.csv")
    table[3][6] = "0000"
    table[4][0] = ""
    table[-1][4] = table[1][4]
    path = write_csv(tmp_path / "units.csv", table)
    problems = refused("units", path)
    assert sorted(problem.split(": ")[0] for problem in problems) == sorted(
        [
            f"{path}:4:parent_unit_code",
            f"{path}:5:org_code",
            f"{path}:{len(table)}:unit_code",
        ]
    )
    assert not any(table_counts().values())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["employee_id", "course_code", "status"], "1:date: Kolumnen saknas."),
        (
            ["employee_id", "course_code", "status", "date", "comment"],
            "1:comment: Okänd kolumn.",
        ),
    ],
)
def test_missing_and_unknown_columns(imported, tmp_path, header, expected):
    before = table_counts()
    rows = [header, ["E000001", "intro", "completed", "2024-01-01", ""][: len(header)]]
    path = write_csv(tmp_path / "completions.csv", rows)
    assert refused("completions", path) == [f"{path}:{expected}"]
    assert table_counts() == before


@pytest.mark.django_db
def test_a_row_with_too_few_fields(imported, tmp_path):
    path = write_csv(
        tmp_path / "c.csv", [["employee_id", "course_code", "status", "date"], ["E000001"]]
    )
    assert refused("completions", path) == [f"{path}:2:-: Raden har 1 fält men rubriken har 4."]


@pytest.mark.django_db
def test_a_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "units.csv"
    path.write_bytes("org_code,org_name\nSAS,Södra\n".encode("latin-1"))
    [problem] = refused("units", path)
    assert problem.startswith(f"{path}:")
    assert "Filen kan inte läsas" in problem


@pytest.mark.django_db
def test_duplicate_natural_keys_are_refused(imported, tmp_path):
    table = read_csv(imported / "people.csv")
    table.append(table[1])
    path = write_csv(tmp_path / "people.csv", table)
    problems = refused("people", path)
    last = len(table)
    assert problems == [
        f"{path}:{last}:employee_id: Samma {table[1][0]} finns redan på rad 2.",
        f"{path}:{last}:personnummer: Samma {table[1][1]} finns redan på rad 2.",
    ]


@pytest.mark.django_db
def test_xlsx_problems_name_the_sheet_row(imported, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["employee_id", "course_code", "status", "date"])
    sheet.append(["E000001", "intro", "completed", dt.date(2024, 1, 15)])
    sheet.append(["E000001", "kurs-chef", "klar", dt.datetime(2024, 2, 1)])
    path = tmp_path / "completions.xlsx"
    workbook.save(path)
    before = table_counts()
    [problem] = refused("completions", path)
    assert problem.startswith(f"{path}:3:status: ”klar”")
    assert table_counts() == before
