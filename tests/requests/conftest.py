import pytest

from tests.requests.flow import World, completed, draft, make_world


@pytest.fixture
def world(db) -> World:
    return make_world()


@pytest.fixture
def request_(world):
    """A draft Heromarapportör form for the SÄS employee, who has the training."""
    completed(world.employee, "intro", "for-chefer", "kurs-heromarapportor")
    return draft(world.manager, world.employee, "heromarapportor", world.unit)
