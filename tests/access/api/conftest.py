"""The personas the access API tests act as."""

import pytest

from tests.access.api.world import World
from tests.factories import UserFactory


@pytest.fixture
def specialist():
    """A user of payroll specialist support: sees everything, carries requests out."""
    return UserFactory(app_roles=["specialist"])


@pytest.fixture
def sas():
    """A unit at SÄS with its manager, a staffing coordinator and specialist support."""
    return World.build("SAS")
