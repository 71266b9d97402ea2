"""A file's expected columns, and the typed rows read against them.

A file with a header but no rows is refused, not taken as "nothing to do": the
files are whole exports, never deltas, so an empty one means the export went
wrong, and refusing it makes a scheduled import fail where someone sees it
instead of recording an import that changed nothing.
"""

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
from rollkoll.tabular.problems import WHOLE_ROW, Problems
from rollkoll.tabular.reading import Cells, read_rows

HEADER_LINE = 1


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
            plan = self._plan(header[1], problems)
            if plan is None:
                return
            line = header[0]
            for line, cells in tqdm(raw, unit=" rader", mininterval=0.5) if progress else raw:
                values = self._values(line, cells, plan, len(header[1]), problems)
                if values is not None:
                    yield line, values
            if line == header[0]:
                problems.add(line + 1, WHOLE_ROW, _("Filen har bara en rubrikrad och inga rader."))
        except (UnicodeDecodeError, csv.Error, OSError, ValueError, zipfile.BadZipFile) as error:
            problems.add(
                line + 1, WHOLE_ROW, _("Filen kan inte läsas: %(error)s") % {"error": error}
            )

    def _plan(self, header: Cells, problems: Problems) -> list[tuple[Column, int]] | None:
        """Each column with its position in the file, or None if the header is wrong."""
        names = [name.strip() for name in header]
        before = len(problems.found)
        for position, name in enumerate(names, 1):
            if not name:
                column = _("kolumn %(position)d") % {"position": position}
                problems.add(HEADER_LINE, column, _("Kolumnen saknar namn."))
            elif name not in self.names:
                problems.add(HEADER_LINE, name, _("Okänd kolumn."))
            elif names.count(name) > 1:
                problems.add(HEADER_LINE, name, _("Kolumnen finns flera gånger."))
        for name in self.names:
            if name not in names:
                problems.add(HEADER_LINE, name, _("Kolumnen saknas."))
        if len(problems.found) > before:
            return None
        return [(column, names.index(column.name)) for column in self.columns]

    def _values(
        self,
        line: int,
        cells: Cells,
        plan: list[tuple[Column, int]],
        width: int,
        problems: Problems,
    ) -> tuple[Any, ...] | None:
        """The row's values; a bad row is parsed again cell by cell to report every bad cell."""
        if len(cells) != width:
            problems.add(
                line,
                WHOLE_ROW,
                _("Raden har %(cells)d fält men rubriken har %(width)d.")
                % {"cells": len(cells), "width": width},
            )
            return None
        try:
            return tuple([column.value(cells[position]) for column, position in plan])
        except CellError:
            pass
        for column, position in plan:
            try:
                column.value(cells[position])
            except CellError as error:
                problems.add(line, column.name, str(error))
        return None
