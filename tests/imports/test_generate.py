"""`rollkoll generate`: reproducible, fictitious, and consistent with the catalog."""

import io
from collections import Counter

import pytest
from django.core.management import call_command

from rollkoll.catalog.models import Course, Role
from rollkoll.org import personnummer

from .conftest import KINDS, read_csv


def generated(out, seed: int) -> dict[str, bytes]:
    call_command(
        "generate", "--scale", "demo", "--out", str(out), "--seed", str(seed), stdout=io.StringIO()
    )
    return {kind: (out / f"{kind}.csv").read_bytes() for kind in KINDS}


def test_the_same_seed_gives_the_same_bytes(tmp_path):
    first = generated(tmp_path / "a", seed=3)
    assert generated(tmp_path / "b", seed=3) == first
    assert generated(tmp_path / "c", seed=4) != first


def test_people_are_fictitious(demo_files):
    people = read_csv(demo_files / "people.csv")[1:]
    assert len({row[1] for row in people}) == len(people)
    assert all(personnummer.is_valid(row[1]) and row[1].startswith("18") for row in people)
    assert all(row[4].endswith("@example.org") for row in people)


def test_the_demo_has_managers_leavers_and_deviations(demo_files):
    people = read_csv(demo_files / "people.csv")[1:]
    kinds = Counter(row[7] for row in people)
    assert kinds["verksamhetschef"] + kinds["stabschef"] >= 4
    assert kinds["vardenhetschef"] + kinds["enhetschef"] + kinds["lakarchef"] >= 20
    managers = read_csv(demo_files / "managers.csv")[1:]
    links = read_csv(demo_files / "manager-links.csv")[1:]
    assert {tuple(row) for row in links} < {tuple(row) for row in managers}


@pytest.mark.django_db
def test_codes_are_those_of_the_catalog(demo_files):
    completions = read_csv(demo_files / "completions.csv")[1:]
    assert {row[1] for row in completions} <= set(Course.objects.values_list("code", flat=True))
    grants = read_csv(demo_files / "grants.csv")[1:]
    assert {row[1] for row in grants} <= set(Role.objects.values_list("code", flat=True))


def test_the_demo_has_an_organisation_under_vgr_rules_beside_sas(demo_files):
    units = read_csv(demo_files / "units.csv")[1:]
    assert sorted({row[0] for row in units}) == ["F01", "SAS"]
