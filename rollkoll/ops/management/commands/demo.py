"""`rollkoll demo`: migrate, load fictitious demo data, one account per persona, serve.

With the accounts come a few requests at each step of the SÄS route.

Running it again keeps the data and the accounts: it only fills in what is missing.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Count, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rollkoll.ops.demo import demo_requests
from rollkoll.org.models import (
    AppRoleKind,
    BusinessArea,
    ManagerKind,
    ManagerLink,
    Organisation,
    Person,
    User,
)
from rollkoll.org.services import AppRoleSpec, user_create

DEMO_PASSWORD = "rollkoll-demo-2026"  # noqa: S105 (printed for everyone: fictitious data only)
ADDRESS = "127.0.0.1:8000"
ORGANISATION = "SAS"
IMPORT_ORDER = ["units", "people", "managers", "manager-links", "completions", "grants"]
FIRST_LINE = [ManagerKind.VARDENHETSCHEF, ManagerKind.ENHETSCHEF, ManagerKind.LAKARCHEF]


@dataclass(frozen=True)
class Persona:
    username: str
    title: Promise
    kind: AppRoleKind | None = None


PERSONAS = [
    Persona("chef", gettext_lazy("Första linjens chef, SÄS")),
    Persona("samordnare", gettext_lazy("Bemanningssamordnare, SÄS"), AppRoleKind.COORDINATOR),
    Persona("specialist", gettext_lazy("Löneservice specialistsupport"), AppRoleKind.SPECIALIST),
    Persona("kontaktperson", gettext_lazy("Kontaktperson VO"), AppRoleKind.BA_CONTACT),
    Persona("granskare", gettext_lazy("Granskare"), AppRoleKind.AUDITOR),
    Persona("admin", gettext_lazy("Administratör"), AppRoleKind.ADMIN),
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
        if not Person.objects.exists():
            self.stdout.write(_("Skapar och läser in fiktiva demodata …"))
            load_demo_data()
        accounts = create_accounts()
        self.print_table(accounts)
        users = {persona.username: user for persona, user in accounts}
        made = demo_requests(
            manager=users["chef"],
            coordinator=users["samordnare"],
            specialist=users["specialist"],
            password=DEMO_PASSWORD,
        )
        if made:
            self.stdout.write(
                _("%(count)d ärenden i flödet, för chefens personal.") % {"count": len(made)}
            )
        if not no_serve:
            call_command("runserver", ADDRESS, use_reloader=False)

    def print_table(self, accounts: list[tuple[Persona, User]]) -> None:
        headers = (_("Användarnamn"), _("Lösenord"), _("Persona"), _("Person"))
        rows = [
            (persona.username, DEMO_PASSWORD, str(persona.title), str(user.person or "–"))
            for persona, user in accounts
        ]
        widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]
        for row in [headers, *rows]:
            cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write("  ".join(cells).rstrip())
        self.stdout.write(_("Öppna http://%(address)s/") % {"address": ADDRESS})


def load_demo_data() -> None:
    """Generate demo-scale files and import them, kind by kind, as in production."""
    with tempfile.TemporaryDirectory(prefix="rollkoll-demo-") as directory:
        call_command("generate", "--scale", "demo", "--out", directory, "--seed", "1")
        for kind in IMPORT_ORDER:
            call_command("import", kind, str(_file_of(Path(directory), kind)), verbosity=0)


def _file_of(directory: Path, kind: str) -> Path:
    for suffix in (".csv", ".xlsx"):
        path = directory / f"{kind}{suffix}"
        if path.is_file():
            return path
    raise CommandError(_("Demodata saknar filen för %(kind)s.") % {"kind": kind})


def create_accounts() -> list[tuple[Persona, User]]:
    """One account per persona, each tied to a distinct fictitious person."""
    organisation = Organisation.objects.filter(code=ORGANISATION).first()
    if organisation is None:
        raise CommandError(_("Demodata saknar organisationen %(code)s.") % {"code": ORGANISATION})
    area = _business_area(organisation)
    taken = set(User.objects.exclude(person=None).values_list("person_id", flat=True))
    accounts = []
    for persona in PERSONAS:
        user = User.objects.filter(username=persona.username).first()
        if user is None:
            person = _person_for(persona, organisation, area, taken)
            taken.add(person.pk)
            user = user_create(
                username=persona.username,
                person=person,
                password=DEMO_PASSWORD,
                app_roles=_app_roles(persona, organisation, area),
                actor=None,
            )
        accounts.append((persona, user))
    return accounts


def _app_roles(
    persona: Persona, organisation: Organisation, area: BusinessArea
) -> list[AppRoleSpec]:
    if persona.kind is None:
        return []
    return [
        AppRoleSpec(
            kind=persona.kind,
            organisation=organisation if persona.kind == AppRoleKind.COORDINATOR else None,
            business_area=area if persona.kind == AppRoleKind.BA_CONTACT else None,
        )
    ]


def _business_area(organisation: Organisation) -> BusinessArea:
    area = (
        BusinessArea.objects.filter(organisation=organisation)
        .annotate(staff=Count("units__people"))
        .order_by("-staff", "code")
        .first()
    )
    if area is None:
        raise CommandError(_("Demodata saknar verksamhetsområden."))
    return area


def _person_for(
    persona: Persona, organisation: Organisation, area: BusinessArea, taken: set[int]
) -> Person:
    """The manager persona: a first-line manager linked to units with staff.

    The business-area contact is the area's named contact where there is one;
    the other personas are people without a manager link.
    """
    people = Person.objects.exclude(pk__in=taken).order_by("employee_id")
    if persona.kind == AppRoleKind.BA_CONTACT and area.contact_id not in taken | {None}:
        return area.contact  # type: ignore[return-value]
    if persona.kind is None:
        candidates = _first_line_managers(people.filter(unit__business_area=area))
    elif persona.kind == AppRoleKind.BA_CONTACT:
        candidates = people.filter(unit__business_area=area, manager_links__isnull=True)
    else:
        in_organisation = people.filter(unit__business_area__organisation=organisation)
        candidates = in_organisation.filter(manager_links__isnull=True)
    person = candidates.first() or people.first()
    if person is None:
        raise CommandError(_("Demodata har för få personer för personorna."))
    return person


def _first_line_managers(people: QuerySet[Person]) -> QuerySet[Person]:
    linked_with_staff = ManagerLink.objects.active_on().filter(unit__people__isnull=False)
    return (
        people.filter(manager_kind__in=FIRST_LINE, manager_links__in=linked_with_staff)
        .annotate(staff=Count("manager_links__unit__people", distinct=True))
        .order_by("-staff", "employee_id")
    )
