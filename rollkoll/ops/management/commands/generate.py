"""`rollkoll generate --scale {demo|sas|region} --out DIR [--seed N]`: fictitious import files."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from rollkoll.fictitious.files import generate
from rollkoll.fictitious.world import SCALES


class Command(BaseCommand):
    help = _("Skriver fiktiva importfiler (CSV) som hänger ihop med varandra och katalogen.")
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", choices=SCALES, default="demo")
        parser.add_argument("--out", type=Path, required=True)
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args: Any, scale: str, out: Path, seed: int, **options: Any) -> None:
        started = time.perf_counter()
        counts = generate(scale=SCALES[scale], out=out, seed=seed)
        for kind, count in counts.items():
            self.stdout.write(_("%(kind)s: %(count)d rader") % {"kind": kind, "count": count})
        self.stdout.write(
            _("Klart på %(seconds)s s.")
            % {"seconds": number_format(time.perf_counter() - started, 1, use_l10n=True)}
        )
