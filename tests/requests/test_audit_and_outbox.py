"""Each act writes its state, an audit event and its notifications together, or nothing."""

import pytest

from rollkoll.audit.models import Event
from rollkoll.audit.selectors import events_for
from rollkoll.notify.models import OutboxMessage
from rollkoll.register.models import Grant
from rollkoll.requests.models import AccessRequest, RequestStatus, Signature
from rollkoll.requests.services import (
    request_approve,
    request_carry_out,
    request_return,
    requests_sign,
)
from tests.factories import PASSWORD
from tests.requests.flow import draft, outbox


def test_signing_queues_the_stage_and_audits_the_change(world, request_):
    [request] = requests_sign(requests=[request_], actor=world.manager, password=PASSWORD)
    event = events_for(request).get(action="request_signed")
    assert event.actor == world.manager
    assert (event.before["status"], event.after["status"]) == ("draft", "in_review")
    assert event.after["signature"] == request.signature.sha256
    assert outbox("request_in_queue") == ["samordnare2@example.org", "samordnare@example.org"]


def test_notifications_carry_no_personal_data(world, request_):
    requests_sign(requests=[request_], actor=world.manager, password=PASSWORD)
    person = world.employee
    messages = list(OutboxMessage.objects.all())
    assert messages
    for message in messages:
        assert message.link.endswith(f"/requests/{request_.pk}/")
        for personal in (person.first_name, person.last_name, person.employee_id):
            assert personal not in f"{message.kind} {message.link}"


def test_someone_else_preparing_asks_the_manager_to_sign(world, request_):
    assert outbox("request_to_sign") == []
    draft(world.contact, world.employee, "heromarapportor", world.unit)
    assert outbox("request_to_sign") == ["chef@example.org"]


def test_the_requester_hears_of_a_return_and_of_completion(world, request_):
    [request] = requests_sign(requests=[request_], actor=world.manager, password=PASSWORD)
    request_return(request=request, actor=world.coordinator, reason="Komplettera.")
    assert outbox("request_returned") == ["chef@example.org"]
    assert events_for(request).filter(action="request_returned").exists()
    [request] = requests_sign(requests=[request], actor=world.manager, password=PASSWORD)
    request = request_approve(request=request, actor=world.coordinator)
    request_carry_out(request=request, actor=world.specialist)
    assert outbox("request_completed") == ["chef@example.org"]


@pytest.fixture
def take_outbox_down(monkeypatch):
    """From the call on, the outbox refuses to write: an act that notifies must leave nothing."""

    def refuse(**kwargs):
        raise RuntimeError("outbox unavailable")

    return lambda: monkeypatch.setattr("rollkoll.requests.services._act.notify", refuse)


def test_a_failing_notification_rolls_the_register_write_back(world, request_, take_outbox_down):
    """The notification is the last step of carrying out: when it fails, nothing stays."""
    [request] = requests_sign(requests=[request_], actor=world.manager, password=PASSWORD)
    request = request_approve(request=request, actor=world.coordinator)
    counts = (Event.objects.count(), OutboxMessage.objects.count())
    take_outbox_down()
    with pytest.raises(RuntimeError, match="outbox unavailable"):
        request_carry_out(request=request, actor=world.specialist)
    request.refresh_from_db()
    assert request.status == RequestStatus.IN_REVIEW
    assert not Grant.objects.filter(person=world.employee).exists()
    assert (Event.objects.count(), OutboxMessage.objects.count()) == counts


def test_a_failing_notification_rolls_the_signature_back(world, request_, take_outbox_down):
    """Signing notifies the first stage's approvers: when that fails, nothing of the act stays."""
    take_outbox_down()
    with pytest.raises(RuntimeError, match="outbox unavailable"):
        requests_sign(requests=[request_], actor=world.manager, password=PASSWORD)
    request = AccessRequest.objects.get(pk=request_.pk)
    assert (request.status, request.signature) == (RequestStatus.DRAFT, None)
    assert not Signature.objects.exists()
    assert not events_for(request).filter(action="request_signed").exists()
