"""Raw rows from CSV (UTF-8, comma or semicolon) and XLSX files.

A reader yields `(line, cells)` with the header as line 1; every cell is a
string, so one set of typed columns parses both formats.

An XLSX file is a zip of XML documents, so a small file can unpack to a huge
one (a zip bomb) or expand entities without end (billion laughs). XML is read
through defusedxml (openpyxl uses it when it is installed), which refuses any
entity declaration; before anything is read, the members' declared sizes must
add up to at most `XLSX_MAX_UNCOMPRESSED` (Python's zipfile never unpacks a
member past its declared size: the CRC check fails first). Only the first
`XLSX_MAX_COLUMNS` columns of the sheet are read, since a single cell far to
the right would otherwise pad every row to thousands of empty cells.
"""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from defusedxml import DefusedXmlException
from django.utils.translation import gettext as _
from openpyxl import load_workbook

DELIMITERS = (",", ";")
HEADER_PEEK = 64 * 1024
XLSX_MAX_UNCOMPRESSED = 50 * 1024 * 1024
XLSX_MAX_COLUMNS = 50
Cells = list[str]


class Unreadable(ValueError):
    """The file cannot be read as what its name says; the message is for the user."""


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
    """Rows numbered by the line they start on (a quoted cell may span lines)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        delimiter = detect_delimiter(_peek_line(handle))
        reader = csv.reader(handle, delimiter=delimiter, strict=True)
        start = 1
        for cells in reader:
            if any(cells):
                yield start, cells
            start = reader.line_num + 1


def _peek_line(handle: IO[str]) -> str:
    start = handle.tell()
    line = handle.readline(HEADER_PEEK)
    handle.seek(start)
    return line


def _xlsx_rows(path: Path) -> Iterator[tuple[int, Cells]]:
    """Rows of the first sheet, cut or padded to the header's width.

    A sheet often reports formatted but empty cells past the data; those are
    not fields, so only non-empty cells beyond the header's width count.
    openpyxl raises errors of many kinds on a damaged file; each is `Unreadable`.
    """
    try:
        _check_unpacked_size(path)
        yield from _sheet_rows(path)
    except Unreadable:
        raise
    except Exception as error:
        if isinstance(error, DefusedXmlException) or isinstance(
            error.__cause__, DefusedXmlException
        ):
            message = _("XLSX-filen innehåller XML-entiteter, som inte tillåts.")
        else:
            message = _("XLSX-filen är skadad (%(error)s).") % {"error": type(error).__name__}
        raise Unreadable(message) from None


def _check_unpacked_size(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        unpacked = sum(member.file_size for member in archive.infolist())
    if unpacked > XLSX_MAX_UNCOMPRESSED:
        raise Unreadable(
            _("XLSX-filen packas upp till mer än %(limit)d MB.")
            % {"limit": XLSX_MAX_UNCOMPRESSED // (1024 * 1024)}
        )


def _sheet_rows(path: Path) -> Iterator[tuple[int, Cells]]:
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()
        rows = sheet.iter_rows(max_col=XLSX_MAX_COLUMNS, values_only=True)
        width = 0
        for line, values in enumerate(rows, 1):
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
