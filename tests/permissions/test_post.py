"""Every POST route, as every persona, aimed at a place in scope and one out of it.

A refused POST changes nothing: no row the POSTs could write, no audit event,
no message. Each POST runs in a savepoint rolled back afterwards, so the
second one finds the world as the first did.
"""

from __future__ import annotations

import pytest
from django.db import transaction

from tests.permissions.acts import POSTS, everything
from tests.permissions.expected import POST
from tests.permissions.personas import PERSONAS, PLACES

CASES = [(label, persona) for label in POSTS for persona in PERSONAS]


@pytest.mark.django_db
@pytest.mark.parametrize(("label", "persona"), CASES)
def test_post_as_each_persona(client, world, label, persona):
    user = world.users[persona]
    if user is not None:
        client.force_login(user)
    post = POSTS[label]
    for place, expected in zip(PLACES[persona], POST[label][persona], strict=True):
        here = world.places[place]
        with transaction.atomic():
            before = everything()
            response = client.post(post.path(here), post.body(here, user), **post.encoding)
            assert response.status_code == expected, (place, response.content[:300])
            if response.status_code >= 400:
                assert everything() == before, (place, "a refused POST changed something")
            transaction.set_rollback(True)
