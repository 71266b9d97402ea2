"""Who walks: one account per persona, and where each looks in scope and out of it.

Each persona is given a place (a unit, see `world`) it may see and one it may
not. Those who see everything (specialist support, auditor, administrator)
are given two places too; both are in their scope, and the tables say so.
"""

from __future__ import annotations

PERSONAS = (
    "anonymous",
    "manager",
    "deputy",
    "coordinator",
    "specialist",
    "ba_contact",
    "auditor",
    "admin",
)
SEE_EVERYTHING = ("specialist", "auditor", "admin")

# persona → (the place in scope, the place out of scope)
PLACES: dict[str, tuple[str, str]] = {
    "anonymous": ("SA", "NB"),
    "manager": ("SA", "SB"),  # manages SA; SB has another manager in the same organisation
    "deputy": ("NA", "SA"),  # manages SB and stands in for NA's manager, away today
    "coordinator": ("SB", "NA"),  # staffing coordinator of SÄS
    "specialist": ("NB", "SA"),
    "ba_contact": ("NB", "SA"),  # contact of NÄL's business area
    "auditor": ("SA", "NB"),
    "admin": ("SB", "NA"),
}
