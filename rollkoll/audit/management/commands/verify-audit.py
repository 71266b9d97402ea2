"""`rollkoll verify-audit`: exit 0 when the audit chain is intact, else 1 naming the first break."""

import sys
from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from rollkoll.audit.verify import verify_chain


class Command(BaseCommand):
    help = "Kontrollera att granskningsloggens kedja är obruten."

    def handle(self, *args: Any, **options: Any) -> None:
        verdict = verify_chain()
        if verdict.first_break is None:
            self.stdout.write(
                _("OK: granskningsloggen är obruten (%(count)s händelser).")
                % {"count": verdict.checked}
            )
            return
        self.stderr.write(_("FEL: %(message)s") % {"message": verdict.first_break.message})
        sys.exit(1)
