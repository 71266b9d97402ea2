"""Two overlapping delegations at once: exactly one is written (row lock on the person)."""

import datetime as dt
import threading

import pytest
from django.db import connection
from django.utils import timezone

from rollkoll.errors import Conflict
from rollkoll.org.models import Delegation
from rollkoll.org.services import delegation_create
from tests.factories import PersonFactory, UserFactory


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_overlapping_delegations_one_wins():
    user = UserFactory()
    deputies = PersonFactory.create_batch(2)
    start = timezone.localdate()
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def create(deputy):
        try:
            barrier.wait()
            delegation_create(
                person=user.person,
                deputy=deputy,
                valid_from=start,
                valid_to=start + dt.timedelta(days=3),
                actor=user,
            )
            outcomes.append("created")
        except Conflict:
            outcomes.append("conflict")
        finally:
            connection.close()

    threads = [threading.Thread(target=create, args=(deputy,)) for deputy in deputies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict", "created"]
    assert Delegation.objects.count() == 1
