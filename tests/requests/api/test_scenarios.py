"""The seed scenarios, each walked through the API as the real actors."""

import datetime as dt

import pytest
from django.core.management import call_command

from tests import factories as f
from tests.requests.api.world import SAS_REPORTER_COURSES, World, act, client_for, held, sign, today

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)


def statuses(response):
    body = response.json()
    return body["status"], body["stage"]


def roles_held(world, person, on=None):
    params = {"employee_id": person.employee_id, **({"on": on.isoformat()} if on else {})}
    return [role for _employee, role, _units in held(client_for(world.specialist), **params)]


def through_sas_route(world, created, signer=None):
    """The manager signs, the coordinator approves, specialist support carries out."""
    assert created.status_code == 201, created.content
    request_id = created.json()["id"]
    assert statuses(sign(signer or client_for(world.manager), request_id)) == ("in_review", 1)
    coordinator = client_for(world.coordinator, session=True)
    assert statuses(act(coordinator, request_id, "approve")) == ("in_review", 2)
    done = act(client_for(world.specialist), request_id, "carry-out")
    assert done.status_code == 200, done.content
    assert done.json()["status"] == "completed"
    return done.json()


def test_a_new_heromarapportor_at_sas(sas):
    person = sas.employee(*SAS_REPORTER_COURSES)
    manager = client_for(sas.manager)
    created = sas.apply(person, client=manager)
    assert statuses(created) == ("draft", None)
    assert [stage["status"] for stage in created.json()["stages"]] == ["pending", "pending"]

    signed = sign(manager, created.json()["id"])
    assert statuses(signed) == ("in_review", 1), signed.content
    first, last = signed.json()["stages"]
    assert (first["approver_group"], first["status"], last["status"]) == (
        "coordinator",
        "current",
        "pending",
    )
    assert [h["name"] for h in first["holders"]] == [sas.coordinator.person.full_name]
    assert first["due"] is not None

    coordinator = client_for(sas.coordinator, session=True)
    assert statuses(act(coordinator, created.json()["id"], "approve")) == ("in_review", 2)
    body = act(client_for(sas.specialist), created.json()["id"], "carry-out").json()
    assert [s["status"] for s in body["stages"]] == ["done", "done"]
    assert [e["action"] for e in body["history"]] == [
        "request_created",
        "request_signed",
        "request_approved",
        "request_carried_out",
    ]
    assert held(client_for(sas.specialist), employee_id=person.employee_id) == [
        (person.employee_id, "heromarapportor", [sas.unit.code])
    ]


def test_returned_and_signed_again(sas):
    person = sas.employee(*SAS_REPORTER_COURSES)
    manager = client_for(sas.manager, session=True)
    request_id = sas.apply(person, client=manager).json()["id"]
    sign(manager, request_id)
    returned = act(client_for(sas.coordinator), request_id, "return", reason="Fel startdatum.")
    assert statuses(returned) == ("returned", 1)
    assert returned.json()["history"][-1]["reason"] == "Fel startdatum."
    assert returned.json()["reason"] == "Fel startdatum."
    resigned = sign(manager, request_id)
    assert statuses(resigned) == ("in_review", 1)
    coordinator = client_for(sas.coordinator)
    assert statuses(act(coordinator, request_id, "approve")) == ("in_review", 2)
    assert act(client_for(sas.specialist), request_id, "carry-out").status_code == 200
    assert roles_held(sas, person) == ["heromarapportor"]


def test_an_end_request_ends_the_grant_on_its_date(sas):
    grant = f.GrantFactory(person=f.PersonFactory(unit=sas.unit), valid_from=dt.date(2024, 1, 1))
    last_day = today() + 30 * DAY
    through_sas_route(sas, sas.apply(grant.person, kind="end", valid_from=last_day.isoformat()))
    assert roles_held(sas, grant.person, on=last_day) == ["heromarapportor"]
    assert roles_held(sas, grant.person, on=last_day + DAY) == []


def test_a_manager_link_on_a_change_of_manager(sas):
    parent = f.UnitFactory(business_area=sas.unit.business_area)
    sas.unit.parent = parent
    sas.unit.save()
    head = client_for(f.UserFactory(person=f.ManagerLinkFactory(unit=parent).manager))
    old_manager = sas.manager.person
    new_manager = f.PersonFactory(unit=sas.unit)
    created = sas.apply(new_manager, role=None, kind="manager_link", client=head)
    through_sas_route(sas, created, signer=head)
    unit = client_for(sas.specialist).get(f"/api/v1/units/{sas.unit.code}/").json()
    assert [link["manager"]["employee_id"] for link in unit["manager_links"]] == [
        new_manager.employee_id
    ]
    assert old_manager.manager_links.get().valid_to == today() - DAY


def test_the_interim_chef_webb_is_replaced_by_chef(sas):
    f.GrantFactory(person=f.PersonFactory(unit=sas.unit))  # the unit's Heromarapportör
    boss = sas.employee("intro", "for-chefer", "chef-webb", "kurs-chef")
    boss.manager_kind = "enhetschef"
    boss.save()
    f.GrantFactory(person=boss, role=f.role("chef-webb"), valid_from=dt.date(2025, 1, 1))
    through_sas_route(sas, sas.apply(boss, role="chef", kind="change"))
    assert roles_held(sas, boss) == ["chef"]
    assert roles_held(sas, boss, on=today() - DAY) == ["chef-webb"]


def test_an_upgrade_asks_only_for_the_half_day_course(sas):
    boss = sas.employee("intro", "for-chefer", "kurs-chef")
    f.GrantFactory(person=boss, role=f.role("chef"), valid_from=dt.date(2025, 1, 1))
    manager = client_for(sas.manager)
    query = {"employee_id": boss.employee_id, "role": "chef-schema", "units": sas.unit.code}
    before = manager.get("/api/v1/eligibility/", query).json()
    assert before["verdict"] != "eligible"
    courses = {r["course"]["code"] for r in before["reasons"] if r.get("course")}
    assert courses == {"kurs-uppgradering"}

    f.CompletionFactory(person=boss, course=f.course("kurs-uppgradering"))
    assert manager.get("/api/v1/eligibility/", query).json()["verdict"] == "eligible"
    through_sas_route(sas, sas.apply(boss, role="chef-schema", kind="change"))
    assert roles_held(sas, boss) == ["chef-schema"]
    assert roles_held(sas, boss, on=today() - DAY) == ["chef"]


def test_a_request_waits_for_its_course_and_moves_on_when_it_is_imported(tmp_path):
    world = World.build("VGRX")
    person = world.employee("intro", "personaloversikt", booked=("kurs-heromarapportor",))
    manager = client_for(world.manager)
    request_id = world.apply(person, client=manager).json()["id"]
    assert statuses(sign(manager, request_id)) == ("waiting_for_training", 1)
    specialist = client_for(world.specialist)
    assert act(specialist, request_id, "carry-out").status_code == 409

    completions = tmp_path / "completions.csv"
    completions.write_text(
        "employee_id,course_code,status,date\n"
        f"{person.employee_id},kurs-heromarapportor,completed,{today().isoformat()}\n",
        encoding="utf-8",
    )
    call_command("import", "completions", str(completions))
    detail = specialist.get(f"/api/v1/requests/{request_id}/").json()
    assert (detail["status"], detail["stage"]) == ("in_review", 1)
    assert act(specialist, request_id, "carry-out").json()["status"] == "completed"
    assert held(specialist, employee_id=person.employee_id) == [
        (person.employee_id, "heromarapportor", [world.unit.code])
    ]
