"""Raw rows from CSV (UTF-8, comma or semicolon) and XLSX files.

A reader yields `(line, cells)` with the header as line 1; every cell is a
string, so one set of typed columns parses both formats.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from openpyxl import load_workbook

DELIMITERS = (",", ";")
Cells = list[str]


def detect_delimiter(header: str) -> str:
    """The delimiter of a file, judged from its header line.

    Column names contain neither delimiter, so the one that occurs is the one used;
    with neither (a one-column header) the comma is as good as any.
    """
    return max(DELIMITERS, key=header.count)


def read_rows(path: Path) -> Iterator[tuple[int, Cells]]:
    """Rows of a CSV or XLSX file, blank rows left out."""
    if path.suffix.lower() == ".xlsx":
        return _xlsx_rows(path)
    return _csv_rows(path)


def _csv_rows(path: Path) -> Iterator[tuple[int, Cells]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        delimiter = detect_delimiter(_peek_line(handle))
        reader = csv.reader(handle, delimiter=delimiter, strict=True)
        for cells in reader:
            if any(cells):
                yield reader.line_num, cells


def _peek_line(handle: IO[str]) -> str:
    start = handle.tell()
    line = handle.readline()
    handle.seek(start)
    return line


def _xlsx_rows(path: Path) -> Iterator[tuple[int, Cells]]:
    """Rows of the first sheet, cut or padded to the header's width.

    A sheet often reports formatted but empty cells past the data; those are
    not fields, so only non-empty cells beyond the header's width count.
    """
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        width = 0
        for line, values in enumerate(workbook.worksheets[0].iter_rows(values_only=True), 1):
            cells = _trimmed([_cell_text(value) for value in values])
            if not cells:
                continue
            width = width or len(cells)
            yield line, cells + [""] * (width - len(cells))
    finally:
        workbook.close()


def _trimmed(cells: Cells) -> Cells:
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _cell_text(value: object) -> str:
    """A cell as the text a CSV file would hold: dates in ISO 8601, whole numbers bare."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
