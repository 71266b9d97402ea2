"""SÄS from 2026-03-01: a new manager role other than the mapped one needs a justification."""

import datetime as dt

import pytest

from tests import factories as f
from tests.requests.api.world import client_for, everything, sign

pytestmark = pytest.mark.django_db

CHEF_SCHEMA_COURSES = ("intro", "for-chefer", "kurs-chef-schema")


def manager_at(sas):
    """A first-line manager on the SÄS unit, trained for Chef schema (SÄS maps them to Chef)."""
    person = sas.employee(*CHEF_SCHEMA_COURSES)
    person.manager_kind = "vardenhetschef"
    person.save()
    return person


def test_eligibility_names_the_mapped_role_and_keeps_its_verdict(sas):
    person = manager_at(sas)
    answer = client_for(sas.manager).get(
        "/api/v1/eligibility/",
        {"employee_id": person.employee_id, "role": "chef-schema", "units": sas.unit.code},
    )
    assert answer.json()["verdict"] == "eligible"
    assert [(s["code"], s["role"]) for s in answer.json()["suggestions"]] == [
        ("mapping_deviation", "chef")
    ]


def test_signing_a_deviation_without_a_justification_is_refused_and_changes_nothing(sas):
    form = sas.apply(manager_at(sas), "chef-schema").json()
    before = everything(form["id"])
    refused = sign(client_for(sas.manager), form["id"])
    assert refused.status_code == 400, refused.content
    assert refused.json()["error"] == "mapping_deviation"
    assert [r["role"] for r in refused.json()["reasons"]] == ["chef"]
    assert everything(form["id"]) == before


def test_a_justified_deviation_is_signed_and_the_coordinator_reads_why(sas):
    why = "Leder schemaläggningen för tre avdelningar."
    form = sas.apply(manager_at(sas), "chef-schema", justification=why).json()
    assert sign(client_for(sas.manager), form["id"]).status_code == 200
    seen = client_for(sas.coordinator).get(f"/api/v1/requests/{form['id']}/")
    assert seen.json()["justification"] == why


def test_the_mapped_role_needs_no_justification(sas):
    person = manager_at(sas)
    f.CompletionFactory(person=person, course=f.course("kurs-chef"))
    f.GrantFactory(person=f.PersonFactory(unit=sas.unit))  # the unit's Heromarapportör
    chef = sas.apply(person, "chef").json()
    assert sign(client_for(sas.manager), chef["id"]).status_code == 200


def test_a_role_held_before_the_mapping_changes_without_a_justification(sas):
    person = manager_at(sas)
    elsewhere = f.UnitFactory(business_area=sas.unit.business_area)
    f.GrantFactory(
        person=person,
        role=f.role("chef-schema"),
        valid_from=dt.date(2025, 1, 1),
        units=[elsewhere],
    )
    change = sas.apply(person, "chef-schema", kind="change").json()
    assert sign(client_for(sas.manager), change["id"]).status_code == 200
