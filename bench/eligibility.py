"""Benchmark: eligibility of every role for every person at region scale.

    python bench/eligibility.py [--people 55000] [--units 4000] [--seed 1] [--database]

Loads the catalog from a migrated database (an in-memory SQLite one unless
DATABASE_URL is set), generates fictitious facts in memory (completions,
bookings, grants, units) and times `rules.evaluate` for every person and role,
the catalog's memo starting cold. With --database it also times
`requests.eligibility.check_many` over the people already in the database.

Target (DESIGN.md): 55,000 people × 6 roles well under 2 s.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rollkoll.settings")
os.environ.setdefault("DATABASE_URL", "sqlite://:memory:")
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("AUDIT_HMAC_KEY", "bench-only-audit-key-not-for-production")

import django

django.setup()

from django.core.management import call_command  # noqa: E402

from rollkoll.catalog import rules  # noqa: E402
from rollkoll.catalog.selectors import CatalogOnDate  # noqa: E402
from rollkoll.org.models import ManagerKind, Organisation, Person  # noqa: E402

E_LEARNING = ["intro", "chef-webb", "personaloversikt", "for-chefer"]
CLASSROOM = ["kurs-chef-schema", "kurs-chef", "kurs-heromarapportor", "kurs-administrativt-stod"]
HOLDER_SHARE = 9_000 / 55_000
SAS_SHARE = 4_500 / 55_000


def generate(
    rng: random.Random, people: int, units: int, role_codes: list[str]
) -> list[tuple[bool, str, rules.PersonFacts, rules.UnitFacts]]:
    """(at SÄS, manager kind, person facts, own unit facts) per fictitious person."""
    unit_facts = [
        rules.UnitFacts(
            code=f"{1000 + n}",
            roles_present=frozenset(rng.sample(role_codes, rng.randint(0, 3))),
        )
        for n in range(units)
    ]
    kinds = [kind for kind in ManagerKind.values if kind]
    generated = []
    for _ in range(people):
        completed = frozenset(code for code in E_LEARNING if rng.random() < 0.6)
        classroom = rng.choice(CLASSROOM)
        state = rng.random()
        if state < 0.1:
            completed |= {classroom}
        held = frozenset(rng.sample(role_codes, 1)) if rng.random() < HOLDER_SHARE else frozenset()
        person = rules.PersonFacts(
            completed=completed,
            booked=frozenset({classroom}) if 0.1 <= state < 0.2 else frozenset(),
            held_roles=held,
        )
        kind = rng.choice(kinds) if rng.random() < 0.05 else ""
        generated.append((rng.random() < SAS_SHARE, kind, person, rng.choice(unit_facts)))
    return generated


def bench_engine(people: int, units: int, seed: int) -> None:
    catalog = CatalogOnDate.load()
    role_codes = [role.code for role in catalog.roles]
    sas = Organisation.objects.get(code="SAS").pk
    facts = generate(random.Random(seed), people, units, role_codes)
    started, cpu = time.perf_counter(), time.process_time()
    catalog = CatalogOnDate.load(catalog.on)  # a cold memo, loaded inside the timing
    verdicts: Counter[str] = Counter()
    for at_sas, kind, person, unit in facts:
        policy = catalog.policy(sas if at_sas else None, kind)
        for role in role_codes:
            decision = rules.evaluate(role=role, policy=policy, person=person, units=[unit])
            verdicts[decision.verdict] += 1
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    total = people * len(role_codes)
    print(f"engine: {people:,} people × {len(role_codes)} roles = {total:,} decisions")
    print(f"engine: {elapsed:.3f} s ({cpu:.3f} s CPU), {elapsed / total * 1e6:.2f} µs per decision")
    print("verdicts: " + ", ".join(f"{verdict} {count:,}" for verdict, count in verdicts.items()))


def bench_database() -> None:
    from rollkoll.requests.eligibility import check_many

    count = Person.objects.count()
    if not count:
        print("database: no people; import or generate some first")
        return
    roles = list(CatalogOnDate.load().roles)
    started, cpu = time.perf_counter(), time.process_time()
    decisions = check_many(people=Person.objects.all(), roles=[role.code for role in roles])
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"check_many: {count:,} people, {len(decisions):,} decisions in {elapsed:.3f} s "
        f"({cpu:.3f} s CPU in Python; the rest is the database)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=55_000)
    parser.add_argument("--units", type=int, default=4_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database", action="store_true", help="also time check_many")
    options = parser.parse_args()
    call_command("migrate", verbosity=0)
    bench_engine(options.people, options.units, options.seed)
    if options.database:
        bench_database()


if __name__ == "__main__":
    main()
