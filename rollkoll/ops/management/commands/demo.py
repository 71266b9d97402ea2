"""`rollkoll demo`: migrate, load fictitious demo data, one account per persona, serve.

The data is the generator's demo scale with its story (`fictitious.story`):
SÄS and an organisation under VGR's default rules, and named people in every
state the rules know. Each persona's account is one of the story's people, and
the story's requests are put in flight (`ops.demo`), so that every persona
finds something to do on the start page; the command prints what.

Running it again keeps the data, the accounts and the requests. A database
with other people than the demo's is refused: the demo is not built on real data.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from rollkoll.fictitious.story import Cast, cast
from rollkoll.fictitious.world import SCALES
from rollkoll.governance.selectors import ToDo, to_do
from rollkoll.ops.demo import demo_requests
from rollkoll.org.models import AppRoleKind, Organisation, Person, User
from rollkoll.org.services import AppRoleSpec, user_create

DEMO_PASSWORD = "rollkoll-demo-2026"  # noqa: S105 (printed for everyone: fictitious data only)  # nosec B105
ADDRESS = "127.0.0.1:8000"
SCALE, SEED = "demo", 1
ORGANISATION = "SAS"
IMPORT_ORDER = ["units", "people", "managers", "manager-links", "completions", "grants"]


@dataclass(frozen=True)
class Persona:
    username: str
    title: Promise
    part: str  # who in the story's cast
    kind: AppRoleKind | None = None


PERSONAS = [
    Persona("chef", gettext_lazy("Första linjens chef, SÄS (bortrest)"), "manager_sas"),
    Persona("ersattare", gettext_lazy("Chef, ersättare för chefen på SÄS"), "deputy"),
    Persona("chef-vgr", gettext_lazy("Första linjens chef, VGR-förvaltning"), "manager_vgr"),
    Persona(
        "samordnare",
        gettext_lazy("Bemanningssamordnare, SÄS"),
        "coordinator",
        AppRoleKind.COORDINATOR,
    ),
    Persona(
        "specialist",
        gettext_lazy("Löneservice specialistsupport"),
        "specialist",
        AppRoleKind.SPECIALIST,
    ),
    Persona(
        "kontaktperson", gettext_lazy("Kontaktperson VO, SÄS"), "contact", AppRoleKind.BA_CONTACT
    ),
    Persona("granskare", gettext_lazy("Granskare"), "auditor", AppRoleKind.AUDITOR),
    Persona("admin", gettext_lazy("Administratör"), "admin", AppRoleKind.ADMIN),
]
# The story's people, each with the state they show.
STATES = [
    ("e_learning_missing", gettext_lazy("saknar e-utbildningen Heroma – Introduktion")),
    ("course_booked", gettext_lazy("har bokat kursen för Heromarapportör (VGR)")),
    ("course_completed", gettext_lazy("har gått alla kurser för Heromarapportör (SÄS)")),
    ("interim", gettext_lazy("väntar på Chef-kursen och söker Chef webb under tiden")),
    ("upgrade", gettext_lazy("har Administrativt stöd och uppgraderingskursen")),
    ("leaver", gettext_lazy("har slutat men har kvar Heromarapportör")),
    ("new_manager", gettext_lazy("är chef enligt HR men inte kopplad i Heroma")),
]


class Command(BaseCommand):
    help = _("Fiktiva demodata, ett konto per persona och en server på 127.0.0.1:8000.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-serve", action="store_true", help=_("Förbered allt men starta inte servern.")
        )

    def handle(self, *args: Any, no_serve: bool = False, **options: Any) -> None:
        if not no_serve and not settings.DEBUG:
            raise CommandError(_("Demon körs med DEBUG=1 (python3 dev.py demo sätter det)."))
        call_command("migrate", interactive=False, verbosity=0)
        story = cast(SCALES[SCALE], SEED)
        if not Person.objects.exists():
            self.stdout.write(_("Skapar och läser in fiktiva demodata …"))
            load_demo_data()
        _check_is_demo(story)
        accounts = create_accounts(story)
        users = {persona.username: user for persona, user in accounts}
        made = demo_requests(users=users, cast=story, password=DEMO_PASSWORD)
        if made:
            self.stdout.write(_("%(count)d ärenden i flödet.") % {"count": len(made)})
        self.print_table(accounts)
        self.print_states(story)
        if not no_serve:
            call_command("runserver", ADDRESS, use_reloader=False)

    def print_table(self, accounts: list[tuple[Persona, User]]) -> None:
        headers = (_("Användarnamn"), _("Lösenord"), _("Persona"), _("Person"), _("Att göra"))
        rows = [
            (
                persona.username,
                DEMO_PASSWORD,
                str(persona.title),
                str(user.person or "–"),
                summary(to_do(user)),
            )
            for persona, user in accounts
        ]
        widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]
        for row in [headers, *rows]:
            cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write("  ".join(cells).rstrip())
        self.stdout.write(_("Öppna http://%(address)s/") % {"address": ADDRESS})

    def print_states(self, story: Cast) -> None:
        self.stdout.write(_("Personer i demon:"))
        for part, state in STATES:
            person = Person.objects.get(employee_id=getattr(story, part))
            self.stdout.write(f"  {person.full_name} ({person.employee_id}): {state}")


def summary(waiting: ToDo) -> str:
    """One line saying what waits for a persona."""
    signing, queue, findings = len(waiting.to_sign), len(waiting.queue), len(waiting.findings)
    parts = [
        ngettext("%(count)d blankett att signera", "%(count)d blanketter att signera", signing)
        % {"count": signing},
        ngettext("%(count)d ärende i kön", "%(count)d ärenden i kön", queue) % {"count": queue},
        ngettext(
            "%(count)d avvikelse att följa upp", "%(count)d avvikelser att följa upp", findings
        )
        % {"count": findings},
    ]
    present = [part for part, count in zip(parts, (signing, queue, findings), strict=True) if count]
    return ", ".join(present) or _("inget")


def load_demo_data() -> None:
    """Generate demo-scale files and import them, kind by kind, as in production."""
    with tempfile.TemporaryDirectory(prefix="rollkoll-demo-") as directory:
        call_command("generate", "--scale", SCALE, "--out", directory, "--seed", str(SEED))
        for kind in IMPORT_ORDER:
            call_command("import", kind, str(_file_of(Path(directory), kind)), verbosity=0)


def _file_of(directory: Path, kind: str) -> Path:
    for suffix in (".csv", ".xlsx"):
        path = directory / f"{kind}{suffix}"
        if path.is_file():
            return path
    raise CommandError(_("Demodata saknar filen för %(kind)s.") % {"kind": kind})


def _check_is_demo(story: Cast) -> None:
    """Refuse a database whose people are not the demo's: accounts would go to real people."""
    ids = [getattr(story, persona.part) for persona in PERSONAS]
    ids += [getattr(story, part) for part, _state in STATES]
    if Person.objects.filter(employee_id__in=ids).count() != len(set(ids)):
        raise CommandError(
            _(
                "Databasen har redan andra personer än demons. Kör demon på en tom databas "
                "(till exempel DATABASE_URL= och en ny SQLite-fil)."
            )
        )


def create_accounts(story: Cast) -> list[tuple[Persona, User]]:
    """One account per persona, each tied to its person in the story."""
    accounts = []
    for persona in PERSONAS:
        user = User.objects.filter(username=persona.username).select_related("person").first()
        if user is None:
            person = Person.objects.select_related("unit__business_area").get(
                employee_id=getattr(story, persona.part)
            )
            user = user_create(
                username=persona.username,
                person=person,
                password=DEMO_PASSWORD,
                app_roles=_app_roles(persona, person),
                actor=None,
            )
        accounts.append((persona, user))
    return accounts


def _app_roles(persona: Persona, person: Person) -> list[AppRoleSpec]:
    if persona.kind is None:
        return []
    return [
        AppRoleSpec(
            kind=persona.kind,
            organisation=Organisation.objects.get(code=ORGANISATION)
            if persona.kind == AppRoleKind.COORDINATOR
            else None,
            business_area=person.unit.business_area
            if persona.kind == AppRoleKind.BA_CONTACT
            else None,
        )
    ]
