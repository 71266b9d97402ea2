"""A file's expected columns, and the typed rows read against them."""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from tqdm import tqdm

from rollkoll.tabular.columns import CellError, Column
from rollkoll.tabular.problems import Problems
from rollkoll.tabular.reading import Cells, read_rows

HEADER_LINE = 1
WHOLE_ROW = "-"


@dataclass(frozen=True)
class Schema:
    """The columns of one kind of file; their order in the file is free."""

    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    def rows(
        self, path: Path, problems: Problems, *, progress: bool = False
    ) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """`(line, values)` in the schema's column order, for every row that parses.

        A row with a bad cell is reported to `problems` and left out, so the
        caller still sees every other problem of the file.
        """
        line = 0
        try:
            raw = read_rows(path)
            header = next(raw, None)
            if header is None:
                problems.add(HEADER_LINE, WHOLE_ROW, _("Filen saknar rubrikrad."))
                return
            positions = self._positions(header[1], problems)
            if positions is None:
                return
            for line, cells in tqdm(raw, disable=not progress, unit=" rader", mininterval=0.5):
                values = self._values(line, cells, positions, len(header[1]), problems)
                if values is not None:
                    yield line, values
        except (UnicodeDecodeError, csv.Error, OSError, ValueError, zipfile.BadZipFile) as error:
            problems.add(
                line + 1, WHOLE_ROW, _("Filen kan inte läsas: %(error)s") % {"error": error}
            )

    def _positions(self, header: Cells, problems: Problems) -> list[int] | None:
        names = [name.strip() for name in header]
        before = len(problems.found)
        for name in names:
            if name not in self.names:
                problems.add(HEADER_LINE, name, _("Okänd kolumn."))
            elif names.count(name) > 1:
                problems.add(HEADER_LINE, name, _("Kolumnen finns flera gånger."))
        for name in self.names:
            if name not in names:
                problems.add(HEADER_LINE, name, _("Kolumnen saknas."))
        if len(problems.found) > before:
            return None
        return [names.index(name) for name in self.names]

    def _values(
        self, line: int, cells: Cells, positions: list[int], width: int, problems: Problems
    ) -> tuple[Any, ...] | None:
        if len(cells) != width:
            problems.add(
                line,
                WHOLE_ROW,
                _("Raden har %(cells)d fält men rubriken har %(width)d.")
                % {"cells": len(cells), "width": width},
            )
            return None
        values = []
        ok = True
        for column, position in zip(self.columns, positions, strict=True):
            try:
                values.append(column.value(cells[position]))
            except CellError as error:
                problems.add(line, column.name, str(error))
                ok = False
        return tuple(values) if ok else None
