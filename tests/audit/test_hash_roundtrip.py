"""Whatever JSON an act records reads back from the database with the same hash."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rollkoll.audit.models import Event
from rollkoll.audit.services import record

# Text PostgreSQL can store: no NUL, no lone surrogates.
texts = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"))
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53), max_value=2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | texts,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(texts, children, max_size=4),
    max_leaves=12,
)


@pytest.mark.django_db
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.dictionaries(texts, json_values, max_size=4))
def test_recorded_values_read_back_with_their_hash(after):
    event = record(actor=None, action="test.roundtrip", after=after)

    stored = Event.objects.get(pk=event.pk)
    assert stored.compute_hash() == stored.hash
