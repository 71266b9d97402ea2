"""`rollkoll verify-audit [--checkpoint]`: exit 0 when the audit chain is intact, else 1
naming the first break; with `--checkpoint`, an intact chain's head is checkpointed."""

import sys
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from rollkoll.audit.checkpoints import CheckpointError, read_checkpoint, write_checkpoint
from rollkoll.audit.verify import verify_chain


class Command(BaseCommand):
    help = "Kontrollera att granskningsloggens kedja är obruten."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--checkpoint",
            action="store_true",
            help="Skriv en signerad kontrollpunkt för den senaste händelsen om kedjan är obruten.",
        )

    def handle(self, *args: Any, checkpoint: bool, **options: Any) -> None:
        try:
            last = read_checkpoint()
        except CheckpointError as error:
            self._fail(str(error))
        verdict = verify_chain(checkpoint=last)
        if verdict.first_break is not None:
            self._fail(verdict.first_break.message)
        self.stdout.write(
            _("OK: granskningsloggen är obruten (%(count)s händelser).")
            % {"count": verdict.checked}
        )
        if last is None:
            self.stdout.write(
                _(
                    "Ingen kontrollpunkt ännu: att inga av de senaste händelserna "
                    "raderats går inte att visa."
                )
            )
        else:
            self.stdout.write(
                _("Kontrollpunkten från %(written_at)s (händelse %(sequence)s) stämmer.")
                % {"written_at": last.written_at, "sequence": last.sequence}
            )
        if checkpoint and verdict.head is not None:
            written = write_checkpoint(verdict.head)
            self.stdout.write(
                _("Kontrollpunkt skriven: händelse %(sequence)s.") % {"sequence": written.sequence}
            )

    def _fail(self, message: str) -> NoReturn:
        self.stderr.write(_("FEL: %(message)s") % {"message": message})
        sys.exit(1)
