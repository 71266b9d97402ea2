"""Policies from the catalog that the data migration loads, shared by the engine tests."""

import dataclasses
import datetime as dt

import pytest

from rollkoll.catalog import rules
from rollkoll.catalog.selectors import CatalogOnDate
from rollkoll.org.models import Organisation

ROLES = [
    "chef-schema",
    "chef",
    "chef-webb",
    "heromarapportor",
    "administrativt-stod",
    "schemaadministrator",
]
COURSES = [
    "intro",
    "chef-webb",
    "personaloversikt",
    "for-chefer",
    "kurs-chef-schema",
    "kurs-chef",
    "kurs-heromarapportor",
    "kurs-administrativt-stod",
    "kurs-uppgradering",
]
E_LEARNING_VGR = {
    "chef-schema": {"intro", "chef-webb", "personaloversikt"},
    "chef": {"intro", "chef-webb", "personaloversikt"},
    "chef-webb": {"intro", "chef-webb"},
    "heromarapportor": {"intro", "personaloversikt"},
    "administrativt-stod": {"intro", "personaloversikt"},
    "schemaadministrator": set(),
}
E_LEARNING_SAS = {
    **E_LEARNING_VGR,
    "chef-schema": {"intro", "for-chefer"},
    "chef": {"intro", "for-chefer"},
    "chef-webb": {"intro", "for-chefer"},
    "heromarapportor": {"intro", "for-chefer"},
}


class Policies:
    """Fresh policies (cold memo) of the default catalog and of SÄS."""

    def __init__(self, catalog: CatalogOnDate, sas_id: int):
        self.catalog = catalog
        self.sas_id = sas_id

    def vgr(self, manager_kind: str = "") -> rules.Policy:
        return dataclasses.replace(self.catalog.policy(None, manager_kind))

    def sas(self, manager_kind: str = "") -> rules.Policy:
        return dataclasses.replace(self.catalog.policy(self.sas_id, manager_kind))


@pytest.fixture(scope="session")
def policies(django_db_setup, django_db_blocker) -> Policies:
    with django_db_blocker.unblock():
        return Policies(
            CatalogOnDate.load(dt.date(2026, 6, 1)), Organisation.objects.get(code="SAS").pk
        )


def person(completed="", booked="", held="", pending="") -> rules.PersonFacts:
    """Facts from space-separated codes."""
    return rules.PersonFacts(
        completed=frozenset(completed.split()),
        booked=frozenset(booked.split()),
        held_roles=frozenset(held.split()),
        pending_roles=frozenset(pending.split()),
    )


def unit(present="", mine="", code="4711") -> rules.UnitFacts:
    return rules.UnitFacts(
        code=code, roles_present=frozenset(present.split()), person_roles=frozenset(mine.split())
    )


def codes(decision: rules.Decision) -> list[str]:
    return [reason.code for reason in decision.reasons]
