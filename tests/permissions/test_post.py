"""Every POST, PATCH and DELETE route, as every persona, in scope and out of it.

A refused POST changes nothing: no row the POSTs could write, no audit event,
no message. Each POST runs in a savepoint rolled back afterwards, so the
second one finds the world as the first did.
"""

from __future__ import annotations

import pytest
from django.db import transaction

from tests.permissions import acts
from tests.permissions.expected import OTHER_WRITES, POST
from tests.permissions.personas import PERSONAS, PLACES

CASES = [(label, persona) for label in acts.POSTS for persona in PERSONAS]
OTHER_CASES = [(key, persona) for key in acts.OTHER_WRITES for persona in PERSONAS]


def _walk(client, world, persona, write: acts.Post, cells) -> None:
    user = world.users[persona]
    if user is not None:
        client.force_login(user)
    send = getattr(client, write.method)
    for place, expected in zip(PLACES[persona], cells, strict=True):
        here = world.places[place]
        with transaction.atomic():
            before = acts.everything()
            response = send(write.path(here), write.body(here, user), **write.encoding)
            assert response.status_code == expected, (place, response.content[:300])
            if response.status_code >= 400:
                assert acts.everything() == before, (place, "a refused write changed something")
            transaction.set_rollback(True)


@pytest.mark.django_db
@pytest.mark.parametrize(("label", "persona"), CASES)
def test_post_as_each_persona(client, world, label, persona):
    _walk(client, world, persona, acts.POSTS[label], POST[label][persona])


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "persona"), OTHER_CASES)
def test_other_writes_as_each_persona(client, world, key, persona):
    """PATCH and DELETE, as the POSTs."""
    _walk(client, world, persona, acts.OTHER_WRITES[key], OTHER_WRITES[key][persona])
