"""Problems found in an input file, each naming the file, line and column.

A message never repeats a long value whole (`shown` cuts it), and a file stops
being read at `MAX_PROBLEMS` problems: a wrong file of a million rows is
refused as surely with its first thousand problems, without holding them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from rollkoll.errors import DomainError

SHOWN_LENGTH = 40
WHOLE_ROW = "-"
MAX_PROBLEMS = 1000


def shown(value: str) -> str:
    """A value as a message repeats it: at most `SHOWN_LENGTH` characters, then an ellipsis."""
    return value if len(value) <= SHOWN_LENGTH else value[: SHOWN_LENGTH - 1] + "…"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


@dataclass
class Problems:
    """Collects every problem of one file, so the user sees them all at once."""

    file: str
    found: list[Problem] = field(default_factory=list)

    def add(self, line: int, column: str, message: str) -> None:
        """Note a problem; at `MAX_PROBLEMS` the file is refused at once with those found."""
        self.found.append(Problem(self.file, line, shown(column), str(message)))
        if len(self.found) >= MAX_PROBLEMS:
            self.found.append(
                Problem(
                    self.file,
                    line,
                    WHOLE_ROW,
                    _("Fler än %(count)d fel; resten av filen lästes inte.")
                    % {"count": MAX_PROBLEMS},
                )
            )
            raise Refused(self.found)

    def raise_if_any(self) -> None:
        if self.found:
            raise Refused(self.found)


class Refused(DomainError):
    """The file was refused whole; nothing was written."""

    code = "import_refused"

    def __init__(self, problems: list[Problem]):
        super().__init__(
            _("Filen har %(count)d fel; inget sparades.") % {"count": len(problems)},
            reasons=list(problems),
        )
        self.problems = problems
