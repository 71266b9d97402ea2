"""`rollkoll demo --no-serve`: the story, one account per persona, something for each to do."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from rollkoll.audit.selectors import events_for
from rollkoll.catalog.reasons import Code
from rollkoll.catalog.rules import Verdict
from rollkoll.fictitious.story import cast
from rollkoll.fictitious.world import SCALES
from rollkoll.governance.models import FindingKind
from rollkoll.governance.selectors import findings_for, to_do
from rollkoll.ops.management.commands.demo import DEMO_PASSWORD, PERSONAS, summary
from rollkoll.org.models import Organisation, Person, Unit, User
from rollkoll.register.models import Grant
from rollkoll.requests.eligibility import check
from rollkoll.requests.models import AccessRequest, RequestStatus
from rollkoll.requests.selectors import form_goes_at_booking, route_for
from tests.factories import PersonFactory

USERNAMES = [persona.username for persona in PERSONAS]
STORY = cast(SCALES["demo"], 1)


def demo(*args: str) -> str:
    out = io.StringIO()
    call_command("demo", "--no-serve", *args, stdout=out)
    return out.getvalue()


def sign_in(client, username: str) -> int:
    return client.post("/logga-in/", {"username": username, "password": DEMO_PASSWORD}).status_code


def person(part: str) -> Person:
    return Person.objects.select_related("unit").get(employee_id=getattr(STORY, part))


def verdict(part: str, role: str):
    someone = person(part)
    return check(person=someone, role=role, units=[someone.unit])


def codes(decision) -> set[str]:
    return {reason.code for reason in decision.reasons} | {s.code for s in decision.suggestions}


def request_of(part: str) -> AccessRequest:
    return AccessRequest.objects.get(person=person(part))


def assert_vgr_beside_sas():
    sas, vgr = Organisation.objects.get(code="SAS"), Organisation.objects.get(code="F01")
    assert route_for(vgr).organisation is None  # VGR's default route: specialist support
    assert route_for(sas).organisation == sas
    assert form_goes_at_booking(vgr)
    assert not form_goes_at_booking(sas)
    assert person("manager_vgr").unit.organisation == vgr
    assert person("manager_sas").unit.organisation == sas


def assert_every_state_is_there():
    missing = verdict("e_learning_missing", "heromarapportor")
    assert missing.verdict == Verdict.NOT_ELIGIBLE
    assert [r.course.code for r in missing.reasons if r.code == Code.COURSE_MISSING] == ["intro"]
    booked = verdict("course_booked", "heromarapportor")
    assert booked.verdict == Verdict.PENDING_TRAINING
    assert booked.form_may_be_sent
    assert request_of("course_booked").status == RequestStatus.DRAFT
    assert verdict("course_completed", "heromarapportor").verdict == Verdict.ELIGIBLE
    waiting = verdict("interim", "chef")
    assert {Code.CLASSROOM_COURSE_NOT_COMPLETED, Code.INTERIM_ROLE} <= codes(waiting)
    assert request_of("interim").role.code == "chef-webb"
    upgrade = person("upgrade")
    assert Grant.objects.active_on().get(person=upgrade).role.code == "administrativt-stod"
    assert verdict("upgrade", "heromarapportor").verdict == Verdict.ELIGIBLE
    assert request_of("upgrade").status == RequestStatus.IN_REVIEW
    leaver = person("leaver")
    assert not leaver.is_employed_on(timezone.localdate())
    assert Grant.objects.active_on().filter(person=leaver).exists()
    assert request_of("leaver").kind == "end"
    carried = request_of("carried_out")
    assert carried.status == RequestStatus.COMPLETED
    assert Grant.objects.active_on().filter(person=carried.person, role=carried.role).exists()
    found = {
        (finding.kind, finding.unit.code)
        for finding in findings_for(User.objects.get(username="granskare"))
    }
    assert (FindingKind.NEEDED_ROLE_MISSING, STORY.unit_without_reporter) in found
    assert (FindingKind.LINK_DIFFERS, STORY.unit_relinked) in found
    assert (FindingKind.LEAVER_HOLDS_ROLE, leaver.unit.code) in found
    assert Unit.objects.get(
        code=STORY.unit_relinked
    ).manager_assignments.active_on().get().manager == person("new_manager")


def assert_every_persona_has_something_to_do(client, output: str):
    lines = {line.split()[0]: line for line in output.splitlines() if line.split()[:1]}
    for username in USERNAMES:
        user = User.objects.get(username=username)
        waiting = to_do(user)
        assert len(waiting) >= 1, username
        assert summary(waiting) in lines[username]
        assert DEMO_PASSWORD in lines[username]
        assert sign_in(client, username) == 302
        page = client.get("/").content.decode()
        assert "Inget väntar på dig just nu." not in page
        client.post("/logga-ut/")
    assert to_do(User.objects.get(username="chef")).to_sign
    assert to_do(User.objects.get(username="ersattare")).to_sign
    assert to_do(User.objects.get(username="chef-vgr")).to_sign
    assert to_do(User.objects.get(username="samordnare")).queue
    assert to_do(User.objects.get(username="specialist")).queue
    assert to_do(User.objects.get(username="kontaktperson")).findings


@pytest.mark.django_db
def test_the_demo_tells_its_story_and_runs_again_without_change(client):
    output = demo()
    assert_vgr_beside_sas()
    assert_every_state_is_there()
    assert_every_persona_has_something_to_do(client, output)
    for state_person in ("e_learning_missing", "interim", "leaver", "new_manager"):
        assert f"({getattr(STORY, state_person)})" in output
    assert all(events_for(request).exists() for request in AccessRequest.objects.all())
    users = {user.username: user for user in User.objects.select_related("person")}
    assert sorted(users) == sorted(USERNAMES)
    assert users["samordnare"].scope.is_coordinator
    assert users["kontaktperson"].scope.is_business_area_contact
    assert users["specialist"].scope.is_specialist
    assert users["granskare"].scope.is_auditor
    assert users["admin"].is_superuser
    assert not users["chef"].app_roles.exists()
    assert len({user.person_id for user in users.values()}) == len(USERNAMES)

    before = (
        list(User.objects.order_by("pk").values_list("pk", "username", "person")),
        list(AccessRequest.objects.order_by("pk").values_list("pk", "status")),
        Person.objects.count(),
    )
    again = demo()
    after = (
        list(User.objects.order_by("pk").values_list("pk", "username", "person")),
        list(AccessRequest.objects.order_by("pk").values_list("pk", "status")),
        Person.objects.count(),
    )
    assert after == before
    assert "chef-vgr" in again


@pytest.mark.django_db
def test_a_database_with_other_people_is_refused():
    PersonFactory.create_batch(3)
    with pytest.raises(CommandError, match="andra personer än demons"):
        demo()
    assert not User.objects.exists()
    assert not AccessRequest.objects.exists()


@pytest.mark.django_db
def test_serving_needs_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG=1"):
        call_command("demo", stdout=io.StringIO())
    assert not User.objects.exists()
