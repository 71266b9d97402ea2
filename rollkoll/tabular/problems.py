"""Problems found in an input file, each naming the file, line and column."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from rollkoll.errors import DomainError


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
        self.found.append(Problem(self.file, line, column, str(message)))

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
