"""`rollkoll users add|list`: local accounts, for the demo, tests and break-glass use."""

from __future__ import annotations

import getpass
import os
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from rollkoll.errors import DomainError
from rollkoll.org.models import Person, User
from rollkoll.org.services import AppRoleSpec, parse_app_role, user_create

PASSWORD_VARIABLE = "ROLLKOLL_PASSWORD"  # noqa: S105 (a variable name, not a secret)  # nosec B105


class Command(BaseCommand):
    help = _("Lägg till och lista lokala konton.")

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add", help=_("Lägg till ett lokalt konto."))
        add.add_argument("username")
        add.add_argument("--employee-id", required=True, help=_("Personens anställningsnummer."))
        add.add_argument(
            "--app-role",
            action="append",
            default=[],
            metavar="ROLE[:SCOPE]",
            help=_(
                "coordinator:ORGANISATIONSKOD, specialist, ba-contact:VO-KOD, auditor eller "
                "admin. Kan anges flera gånger. Chefer behöver ingen roll."
            ),
        )
        actions.add_parser("list", help=_("Lista kontona."))

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "add":
            self.add_user(options["username"], options["employee_id"], options["app_role"])
        else:
            self.list_users()

    def add_user(self, username: str, employee_id: str, role_texts: list[str]) -> None:
        person, app_roles = self._parse(employee_id, role_texts)
        try:
            user = user_create(
                username=username,
                person=person,
                password=read_password(),
                app_roles=app_roles,
                actor=None,
            )
        except DomainError as error:
            raise CommandError("\n".join(map(str, error.reasons)) or error.detail) from error
        self.stdout.write(_("Kontot %(username)s är skapat.") % {"username": user.username})

    def _parse(self, employee_id: str, role_texts: list[str]) -> tuple[Person, list[AppRoleSpec]]:
        """Check the person and every role before asking for a password."""
        problems: list[str] = []
        person = Person.objects.filter(employee_id=employee_id).first()
        if person is None:
            problems.append(
                _("Okänt anställningsnummer: %(employee_id)s.") % {"employee_id": employee_id}
            )
        app_roles: list[AppRoleSpec] = []
        for text in role_texts:
            try:
                app_roles.append(parse_app_role(text))
            except DomainError as error:
                problems.append(error.detail)
        if problems or person is None:
            raise CommandError("\n".join(problems))
        return person, app_roles

    def list_users(self) -> None:
        users = User.objects.select_related("person").prefetch_related(
            "app_roles__organisation", "app_roles__business_area"
        )
        for user in users.order_by("username"):
            roles = ", ".join(str(role) for role in user.app_roles.all()) or "–"
            employee_id = user.person.employee_id if user.person else "–"
            active = "" if user.is_active else _(" (inaktivt)")
            self.stdout.write(f"{user.username}\t{employee_id}\t{roles}{active}")


def read_password() -> str:
    """From ROLLKOLL_PASSWORD, else a prompt typed twice; never from a pipe."""
    password = os.environ.get(PASSWORD_VARIABLE)
    if password:
        return password
    if not sys.stdin.isatty():
        raise CommandError(
            _("Inget lösenord: ange det i %(variable)s eller kör kommandot i en terminal.")
            % {"variable": PASSWORD_VARIABLE}
        )
    first = getpass.getpass(_("Lösenord: "))
    if first != getpass.getpass(_("Lösenord igen: ")):
        raise CommandError(_("Lösenorden stämmer inte överens."))
    return first
