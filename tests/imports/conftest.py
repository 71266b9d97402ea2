import csv
import io
from pathlib import Path

import pytest
from django.core.management import call_command

from rollkoll.fictitious.files import generate
from rollkoll.fictitious.world import SCALES

KINDS = ("units", "people", "managers", "manager-links", "completions", "grants")


@pytest.fixture(scope="session")
def demo_files(tmp_path_factory) -> Path:
    """The generated demo files, written once for the whole run (never modified by tests)."""
    out = tmp_path_factory.mktemp("demo")
    generate(scale=SCALES["demo"], out=out, seed=7)
    return out


def run_import(kind: str, path: Path) -> str:
    out = io.StringIO()
    call_command("import", kind, str(path), stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def imported(demo_files):
    """The demo files imported in order into the test database."""
    for kind in KINDS:
        run_import(kind, demo_files / f"{kind}.csv")
    return demo_files


def write_csv(
    path: Path, rows: list[list[str]], *, delimiter: str = ",", bom: bool = False
) -> Path:
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))
