import pytest
from django.db import transaction

from rollkoll.audit.models import GENESIS_HASH, AppendOnlyError, Event
from rollkoll.audit.selectors import events_for, visible_to
from rollkoll.audit.services import TransactionRequired, record
from rollkoll.org.models import AppRole, AppRoleKind
from tests.factories import UnitFactory, UserFactory


@pytest.mark.django_db
def test_record_links_each_event_to_the_one_before():
    user = UserFactory(username="anna")
    unit = UnitFactory(code="4711")

    first = record(actor=user, action="org.unit.change", target=unit, before={"a": 1})
    second = record(actor=None, action="import.units", after={"rows": 3})

    assert (first.sequence, first.prev_hash) == (1, GENESIS_HASH)
    assert (second.sequence, second.prev_hash) == (2, first.hash)
    assert first.hash == first.compute_hash() != second.hash
    stored = Event.objects.get(sequence=1)
    assert (stored.actor_label, stored.target_type, stored.target_id) == (
        "anna",
        "org.unit",
        str(unit.pk),
    )
    assert stored.compute_hash() == stored.hash
    assert Event.objects.get(sequence=2).actor_display == "Systemet"


@pytest.mark.django_db
def test_dates_and_decimals_are_stored_as_they_were_hashed():
    import datetime as dt
    from decimal import Decimal

    event = record(
        actor=None, action="x.y", after={"on": dt.date(2026, 3, 1), "hours": Decimal("1.5")}
    )

    stored = Event.objects.get(pk=event.pk)
    assert stored.after == {"on": "2026-03-01", "hours": "1.5"}
    assert stored.compute_hash() == stored.hash


@pytest.mark.django_db(transaction=True)
def test_record_outside_a_transaction_is_refused():
    with pytest.raises(TransactionRequired):
        record(actor=None, action="org.unit.change")
    assert not Event.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_event_rolls_back_with_the_act():
    def failing_act() -> None:
        with transaction.atomic():
            record(actor=None, action="org.unit.change")
            raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError):
        failing_act()
    with transaction.atomic():
        kept = record(actor=None, action="org.unit.change")

    assert list(Event.objects.values_list("sequence", flat=True)) == [kept.sequence] == [1]


@pytest.mark.django_db
def test_events_cannot_be_changed_or_deleted_through_the_orm():
    event = record(actor=None, action="org.unit.change")

    event.action = "something.else"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        Event.objects.filter(pk=event.pk).update(action="x")
    with pytest.raises(AppendOnlyError):
        Event.objects.all().delete()
    assert Event.objects.get().action == "org.unit.change"


@pytest.mark.django_db
def test_events_for_gives_one_objects_history_in_order():
    unit, other = UnitFactory(), UnitFactory()
    record(actor=None, action="org.unit.create", target=unit)
    record(actor=None, action="org.unit.create", target=other)
    record(actor=None, action="org.unit.change", target=unit)

    assert [e.action for e in events_for(unit)] == ["org.unit.create", "org.unit.change"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "sees"),
    [
        (AppRoleKind.AUDITOR, True),
        (AppRoleKind.ADMIN, True),
        (AppRoleKind.SPECIALIST, True),
        (None, False),
    ],
)
def test_only_auditors_admins_and_specialist_support_read_the_log(kind, sees):
    record(actor=None, action="org.unit.change")
    user = UserFactory()
    if kind:
        AppRole.objects.create(user=user, kind=kind)

    assert visible_to(user).exists() is sees
