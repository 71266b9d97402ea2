"""Stable codes of the engine's reasons and suggestions, and their Swedish texts.

Pure Python like the engine. The texts are msgids: the engine fills them in
Swedish; the API translates them into the active language from the code and
its parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


def gettext_noop(message: str) -> str:
    """Mark a Swedish msgid for translation; callers translate when rendering."""
    return message


class Code(StrEnum):
    """Stable codes of reasons and suggestions."""

    UNKNOWN_ROLE = "unknown_role"
    ALREADY_HELD = "already_held"
    EXCLUSIVE_CONFLICT = "exclusive_conflict"
    NEEDS_ROLE_ON_UNIT = "needs_role_on_unit"
    COURSE_MISSING = "course_missing"
    CLASSROOM_COURSE_NOT_BOOKED = "classroom_course_not_booked"
    CLASSROOM_COURSE_BOOKED = "classroom_course_booked"
    CLASSROOM_COURSE_NOT_COMPLETED = "classroom_course_not_completed"
    INTERIM_ROLE = "interim_role"
    INTERIM_ROLE_AFTER_COURSE = "interim_role_after_course"
    UPGRADE_COURSE = "upgrade_course"
    MAPPING_DEVIATION = "mapping_deviation"
    RECOMMENDED_COURSE = "recommended_course"


REASON_CODES = frozenset(Code) - {
    Code.INTERIM_ROLE,
    Code.INTERIM_ROLE_AFTER_COURSE,
    Code.UPGRADE_COURSE,
    Code.MAPPING_DEVIATION,
    Code.RECOMMENDED_COURSE,
}
SUGGESTION_CODES = frozenset(Code) - REASON_CODES

# code -> (message, action); %(name)s placeholders are filled from `params`.
MESSAGES: Mapping[str, tuple[str, str]] = {
    Code.UNKNOWN_ROLE: (
        gettext_noop("Rollen %(role)s finns inte i katalogen."),
        gettext_noop("Välj en roll ur katalogen."),
    ),
    Code.ALREADY_HELD: (
        gettext_noop("Personen har redan rollen %(role)s på de valda ansvaren."),
        gettext_noop("Välj andra ansvar, eller ansök om en ändring av behörigheten."),
    ),
    Code.EXCLUSIVE_CONFLICT: (
        gettext_noop(
            "Rollen %(role)s kan inte kombineras med %(other)s, som personen har eller har sökt."
        ),
        gettext_noop("Avsluta %(other)s eller välj en annan roll."),
    ),
    Code.NEEDS_ROLE_ON_UNIT: (
        gettext_noop("Rollen %(role)s kräver att någon på ansvar %(unit)s har %(needed)s."),
        gettext_noop("Se till att någon på ansvaret har eller ansöker om %(needed)s."),
    ),
    Code.COURSE_MISSING: (
        gettext_noop("E-utbildningen %(course)s är inte godkänd."),
        gettext_noop("Genomför %(course)s i Lärportalen."),
    ),
    Code.CLASSROOM_COURSE_NOT_BOOKED: (
        gettext_noop("Kursen %(course)s är inte bokad."),
        gettext_noop(
            "Den som ska gå kursen anmäler sig själv till %(course)s i Lärportalen, "
            "när de förberedande utbildningarna är godkända."
        ),
    ),
    Code.CLASSROOM_COURSE_BOOKED: (
        gettext_noop("Kursen %(course)s är bokad men inte genomförd."),
        gettext_noop("Blanketten kan skickas nu. Ärendet väntar tills kursen är genomförd."),
    ),
    Code.CLASSROOM_COURSE_NOT_COMPLETED: (
        gettext_noop("Kursen %(course)s är bokad men inte genomförd."),
        gettext_noop("Här skickas blanketten först när kursen är genomförd."),
    ),
    Code.INTERIM_ROLE: (
        gettext_noop("I väntan på kursen kan personen ansöka om rollen %(interim)s."),
        "",
    ),
    Code.INTERIM_ROLE_AFTER_COURSE: (
        gettext_noop(
            "I väntan på kursen kan personen ansöka om rollen %(interim)s, "
            "när %(course)s är godkänd."
        ),
        "",
    ),
    Code.UPGRADE_COURSE: (
        gettext_noop(
            "Personen har rollen %(from_role)s och behöver bara den kompletterande "
            "kursen %(course)s."
        ),
        "",
    ),
    Code.MAPPING_DEVIATION: (
        gettext_noop(
            "För personens chefsuppdrag gäller rollen %(mapped)s hos organisationen; "
            "en annan chefsroll behöver en motivering."
        ),
        "",
    ),
    Code.RECOMMENDED_COURSE: (gettext_noop("Rekommenderad utbildning: %(course)s."), ""),
}
