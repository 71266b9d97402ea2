"""Benchmark: appending to the audit log, with its seal, and checking the chain.

    python bench/audit.py [--events 5000]

Migrates a database (an in-memory SQLite one unless DATABASE_URL is set),
appends the events one transaction each through `audit.services.record` (the
hash and the HMAC seal included) and times it, then times computing the seals
alone and `verify_chain` over the whole log.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rollkoll.settings")
os.environ.setdefault("DATABASE_URL", "sqlite://:memory:")
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("AUDIT_HMAC_KEY", "bench-only-audit-key-not-for-production")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from rollkoll.audit.models import Event  # noqa: E402
from rollkoll.audit.seal import seal_of  # noqa: E402
from rollkoll.audit.services import record  # noqa: E402
from rollkoll.audit.verify import verify_chain  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=5000)
    events = parser.parse_args().events
    call_command("migrate", verbosity=0)
    payload = {"personnummer": "19121212-1212", "units": ["4711", "4712"], "note": "x" * 200}

    start = time.perf_counter()
    for number in range(events):
        with transaction.atomic():
            record(actor=None, action="bench.write", before=payload, after={"n": number})
    appended = time.perf_counter() - start

    hashes = list(Event.objects.values_list("hash", flat=True))
    start = time.perf_counter()
    for event_hash in hashes:
        seal_of(event_hash)
    sealed = time.perf_counter() - start

    start = time.perf_counter()
    verdict = verify_chain()
    verified = time.perf_counter() - start
    assert verdict.intact, verdict.first_break

    print(f"record():      {appended / events * 1e6:8.0f} µs per event ({events} events)")
    print(f"  of which the seal: {sealed / events * 1e6:8.1f} µs per event")
    print(f"verify_chain(): {verified:7.2f} s for {verdict.checked} events")


if __name__ == "__main__":
    main()
