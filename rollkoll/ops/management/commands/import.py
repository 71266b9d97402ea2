"""`rollkoll import KIND FILE`: one of HR's, Heroma's or Lärportalen's files, all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from rollkoll.org.imports import import_manager_links, import_managers, import_people, import_units
from rollkoll.register.imports import import_grants
from rollkoll.tabular import ImportResult, Refused
from rollkoll.training.imports import import_completions

IMPORTERS: dict[str, Callable[..., ImportResult]] = {
    "units": import_units,
    "people": import_people,
    "managers": import_managers,
    "manager-links": import_manager_links,
    "completions": import_completions,
    "grants": import_grants,
}


class Command(BaseCommand):
    help = _("Läser in en fil (CSV eller XLSX). Filen läses in helt eller inte alls.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=IMPORTERS)
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, kind: str, file: Path, **options: Any) -> None:
        if not file.is_file():
            raise CommandError(_("Filen %(file)s finns inte.") % {"file": file})
        try:
            result = IMPORTERS[kind](path=file, actor=None, progress=self.stdout.isatty())
        except Refused as refused:
            for problem in refused.problems:
                self.stderr.write(str(problem))
            raise CommandError(refused.detail) from None
        self.stdout.write(
            _("%(file)s: %(created)d nya, %(updated)d ändrade.")
            % {"file": file, "created": result.created, "updated": result.updated}
        )
