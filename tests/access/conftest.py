import pytest

from tests.access.flow import World, make_world


@pytest.fixture
def world(db) -> World:
    return make_world()
