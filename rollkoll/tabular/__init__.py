"""Reading tabular files (CSV or XLSX) against typed columns, for the imports.

Every problem names the file, the line and the column; a file with any
problem is refused whole (`Refused`).
"""

from rollkoll.tabular.columns import CellError, Column
from rollkoll.tabular.importing import ImportResult, Reference, batched, upsert
from rollkoll.tabular.problems import Problem, Problems, Refused, shown
from rollkoll.tabular.schema import Schema

__all__ = [
    "CellError",
    "Column",
    "ImportResult",
    "Problem",
    "Problems",
    "Reference",
    "Refused",
    "Schema",
    "batched",
    "shown",
    "upsert",
]
