"""The same data reads alike from comma CSV, semicolon CSV (with or without BOM) and XLSX."""

import pytest
from openpyxl import Workbook

from rollkoll.org.imports import import_units
from rollkoll.org.models import Unit

from .conftest import read_csv, write_csv


def units_table(demo_files) -> list[list[str]]:
    return read_csv(demo_files / "units.csv")


def unit_rows() -> list[tuple]:
    return list(
        Unit.objects.order_by("code").values_list(
            "code", "name", "business_area__code", "business_area__name", "parent__code"
        )
    )


def reference_rows(table: list[list[str]]) -> list[tuple]:
    return sorted((row[4], row[5], row[2], row[3], row[6] or None) for row in table[1:])


@pytest.mark.django_db
@pytest.mark.parametrize(("delimiter", "bom"), [(",", False), (";", False), (";", True)])
def test_csv_dialects(demo_files, tmp_path, delimiter, bom):
    table = units_table(demo_files)
    path = write_csv(tmp_path / "units.csv", table, delimiter=delimiter, bom=bom)
    result = import_units(path=path)
    assert result.created == len(table) - 1
    assert unit_rows() == reference_rows(table)


@pytest.mark.django_db
def test_xlsx_with_typed_cells(demo_files, tmp_path):
    table = units_table(demo_files)
    workbook = Workbook()
    sheet = workbook.active
    for row in table:
        # Numeric unit codes come back from Excel as numbers; the reader gives them back as text.
        sheet.append([int(cell) if cell.isdigit() else cell for cell in row] + [None])
    path = tmp_path / "units.xlsx"
    workbook.save(path)
    result = import_units(path=path)
    assert result.created == len(table) - 1
    assert unit_rows() == reference_rows(table)


@pytest.mark.django_db
def test_columns_may_come_in_any_order(tmp_path):
    rows = [
        [
            "unit_code",
            "unit_name",
            "parent_unit_code",
            "org_code",
            "org_name",
            "business_area_code",
            "business_area_name",
        ],
        ["2001", "Avdelning 1", "2000", "SAS", "Södra Älvsborgs Sjukhus", "SAS-01", "Medicin"],
        ["2000", "Medicin ledning", "", "SAS", "Södra Älvsborgs Sjukhus", "SAS-01", "Medicin"],
    ]
    import_units(path=write_csv(tmp_path / "units.csv", rows))
    assert Unit.objects.get(code="2001").parent == Unit.objects.get(code="2000")
