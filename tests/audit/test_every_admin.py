"""Every model in the admin is read-only there, or every write through it is audited.

The walk covers each registered admin and each of its inlines, so a new admin
registered without either fails here the day it is added.
"""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import RequestFactory

from rollkoll.audit.admin import AuditedAdminMixin
from tests.factories import UserFactory

# Framework models whose admin Django or a library provides; none holds Rollkoll's data.
FRAMEWORK = {"auth.group", "axes.accessattempt", "axes.accesslog", "axes.accessfailurelog"}


def _label(model) -> str:
    return model._meta.label_lower


def _writes(model_admin, request) -> bool:
    return any(
        check(request)
        for check in (
            model_admin.has_add_permission,
            model_admin.has_change_permission,
            model_admin.has_delete_permission,
        )
    )


def _admins():
    return sorted(admin.site._registry.items(), key=lambda item: _label(item[0]))


@pytest.fixture
def admin_request(db):
    request = RequestFactory().get("/admin/")
    request.user = UserFactory(app_roles=["admin"], is_staff=True, is_superuser=True)
    return request


def test_every_rollkoll_admin_is_read_only_or_audited(admin_request):
    unguarded = []
    for model, model_admin in _admins():
        if _label(model) in FRAMEWORK or not _writes(model_admin, admin_request):
            continue
        if not isinstance(model_admin, AuditedAdminMixin):
            unguarded.append(_label(model))
    assert not unguarded, f"writable in the admin without an audit event: {unguarded}"


def test_inlines_of_read_only_admins_are_read_only_too(admin_request):
    writable = []
    for model, model_admin in _admins():
        if _writes(model_admin, admin_request):
            continue
        for inline in model_admin.get_inline_instances(admin_request):
            if _writes(inline, admin_request) or inline.has_add_permission(admin_request, None):
                writable.append(f"{_label(model)}: {_label(inline.model)}")
    assert not writable, f"inlines that write beside a read-only admin: {writable}"


@pytest.mark.parametrize(
    "label",
    [
        "register.grant",
        "training.completion",
        "training.booking",
        "org.managerlink",
        "org.managerassignment",
        "requests.accessrequest",
        "requests.signature",
        "audit.event",
        "notify.outboxmessage",
    ],
)
def test_the_register_and_its_sources_are_read_only_in_the_admin(admin_request, label):
    """They change through requests, signatures and imports, each of which is audited."""
    model_admin = next(ma for model, ma in _admins() if _label(model) == label)
    assert not _writes(model_admin, admin_request)


def test_the_walk_sees_the_admins():
    labels = {_label(model) for model, _ in _admins()}
    assert {"register.grant", "org.person", "catalog.role"} <= labels
