"""Edits in the admin are audited; the audit log itself is read only there."""

import datetime as dt

import pytest
from django.forms import MultiWidget
from django.urls import reverse

from rollkoll.audit.models import Event
from rollkoll.audit.services import record
from rollkoll.catalog.models import ApprovalRoute, ApprovalStage, Course, Role
from rollkoll.org.models import Organisation
from tests.factories import OrganisationFactory


def form_data(response) -> dict:
    """The POST data of an admin change page as shown: the form and its inlines."""
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for field in form:
            value = field.value()
            widget = field.field.widget
            if value is None or value is False:
                continue
            if isinstance(widget, MultiWidget):
                parts = zip(widget.widgets_names, widget.decompress(value), strict=True)
                data.update({f"{field.html_name}{suffix}": part for suffix, part in parts})
            else:
                data[field.html_name] = (
                    [str(v) for v in value] if isinstance(value, list) else value
                )
    return data


def events(action):
    return list(Event.objects.filter(action=action))


@pytest.mark.django_db
def test_creating_in_the_admin_is_audited(admin_client, admin_user):
    response = admin_client.post(
        reverse("admin:org_organisation_add"), {"code": "NYA", "name": "Nya sjukhuset"}
    )

    assert response.status_code == 302
    organisation = Organisation.objects.get(code="NYA")
    [event] = events("org.organisation.create")
    assert (event.actor, event.target_id, event.before) == (
        admin_user,
        str(organisation.pk),
        None,
    )
    assert event.after == {"code": "NYA", "name": "Nya sjukhuset"}


@pytest.mark.django_db
def test_changing_in_the_admin_records_before_and_after(admin_client):
    course = Course.objects.create(code="test-kurs", name="Gammalt namn", kind="classroom")
    url = reverse("admin:catalog_course_change", args=[course.pk])
    data = form_data(admin_client.get(url))

    response = admin_client.post(url, {**data, "name": "Nytt namn"})

    assert response.status_code == 302
    [event] = events("catalog.course.change")
    assert (event.before["name"], event.after["name"]) == ("Gammalt namn", "Nytt namn")
    assert event.before["code"] == event.after["code"] == "test-kurs"


@pytest.mark.django_db
def test_saving_without_changes_records_nothing(admin_client):
    course = Course.objects.create(code="test-kurs", name="Namn", kind="classroom")
    url = reverse("admin:catalog_course_change", args=[course.pk])

    admin_client.post(url, form_data(admin_client.get(url)))

    assert not Event.objects.exclude(action="user.sign_in").exists()


@pytest.mark.django_db
def test_many_to_many_changes_are_recorded_as_saved(admin_client):
    role, needed = (
        Role.objects.create(code="r1", name="R1"),
        Role.objects.create(code="r2", name="R2"),
    )
    url = reverse("admin:catalog_role_change", args=[role.pk])
    data = form_data(admin_client.get(url))

    admin_client.post(url, {**data, "requires_on_unit": [str(needed.pk)]})

    [event] = events("catalog.role.change")
    assert (event.before["requires_on_unit"], event.after["requires_on_unit"]) == ([], [needed.pk])


@pytest.mark.django_db
def test_changes_to_a_routes_stages_are_recorded_per_stage(admin_client):
    route = ApprovalRoute.objects.create(name="Väg", valid_from=dt.date(2026, 3, 1))
    first = ApprovalStage.objects.create(
        route=route, position=1, name="Granskning", approver_group="coordinator", sla_working_days=2
    )
    gone = ApprovalStage.objects.create(
        route=route, position=2, name="Utförande", approver_group="specialist", sla_working_days=3
    )
    url = reverse("admin:catalog_approvalroute_change", args=[route.pk])
    data = form_data(admin_client.get(url))
    prefix = "stages"
    data[f"{prefix}-0-sla_working_days"] = 5
    data[f"{prefix}-1-DELETE"] = "on"

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["errors"]
    [change] = events("catalog.approvalstage.change")
    assert (
        change.target_id,
        change.before["sla_working_days"],
        change.after["sla_working_days"],
    ) == (
        str(first.pk),
        2,
        5,
    )
    [delete] = events("catalog.approvalstage.delete")
    assert (delete.target_id, delete.before["name"]) == (str(gone.pk), "Utförande")
    assert not events("catalog.approvalroute.change")


@pytest.mark.django_db
def test_deleting_in_the_admin_is_audited(admin_client):
    organisation = OrganisationFactory(code="BORT", name="Borttagen")

    response = admin_client.post(
        reverse("admin:org_organisation_delete", args=[organisation.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    [event] = events("org.organisation.delete")
    assert (event.target_id, event.before, event.after) == (
        str(organisation.pk),
        {"id": organisation.pk, "code": "BORT", "name": "Borttagen"},
        None,
    )


@pytest.mark.django_db
def test_bulk_deletion_is_audited_per_object(admin_client):
    doomed = [OrganisationFactory(), OrganisationFactory()]

    admin_client.post(
        reverse("admin:org_organisation_changelist"),
        {"action": "delete_selected", "_selected_action": [o.pk for o in doomed], "post": "yes"},
    )

    assert sorted(e.target_id for e in events("org.organisation.delete")) == sorted(
        str(o.pk) for o in doomed
    )


@pytest.mark.django_db
def test_passwords_never_reach_the_log(admin_client, admin_user):
    url = reverse("admin:org_user_change", args=[admin_user.pk])
    data = form_data(admin_client.get(url))

    admin_client.post(url, {**data, "first_name": "Ny"})

    [event] = events("org.user.change")
    assert "password" not in event.before
    assert "password" not in event.after
    assert admin_user.password not in str(event.before) + str(event.after)


@pytest.mark.django_db
def test_the_audit_log_is_read_only_in_the_admin(admin_client):
    event = record(actor=None, action="org.unit.change")

    assert admin_client.get(reverse("admin:audit_event_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:audit_event_change", args=[event.pk])).status_code == 200
    assert admin_client.get(reverse("admin:audit_event_add")).status_code == 403
    delete_url = reverse("admin:audit_event_delete", args=[event.pk])
    assert admin_client.post(delete_url, {"post": "yes"}).status_code == 403
    assert Event.objects.filter(pk=event.pk).exists()
