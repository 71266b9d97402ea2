"""The audit log in the admin (read only), and the mixin that audits admin edits."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.db import models
from django.db.models.fields.files import FieldFile
from django.db.models.query import QuerySet
from django.forms.models import model_to_dict
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from rollkoll.audit.models import Event
from rollkoll.audit.services import disclose_events, mask_personnummer, record
from rollkoll.web.admin import ReadOnlyAdmin

_SECRET_FIELDS = {"password"}

if TYPE_CHECKING:
    _ModelAdminBase = admin.ModelAdmin
else:
    _ModelAdminBase = object


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    """The log, read only. The list masks personnummer for everyone; one event shows
    them as its reader may see them, and a whole one shown is recorded."""

    list_display = ["sequence", "occurred_at", "actor_display", "action", "target_display"]
    list_filter = ["action", "target_type"]
    search_fields = ["action", "actor_label", "target_label", "target_id"]
    date_hierarchy = "occurred_at"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Event]:
        return Event.objects.visible_to(request.user)  # type: ignore[arg-type]

    def get_object(self, request: HttpRequest, object_id: str, from_field: Any = None) -> Any:
        event = super().get_object(request, object_id, from_field)
        if event is None:
            return None
        [shown] = disclose_events([event], viewer=request.user, via="admin.audit-event")  # type: ignore[arg-type]
        return shown

    @admin.display(description=_("utförare"))
    def actor_display(self, event: Event) -> str:
        return mask_personnummer(event.actor_display)

    @admin.display(description=_("objekt"))
    def target_display(self, event: Event) -> str:
        return mask_personnummer(event.target_label)


def snapshot(obj: models.Model, fields: list[str] | None = None) -> dict[str, Any]:
    """The object's editable fields as JSON-safe values; relations as primary keys."""
    return _plain_values(model_to_dict(obj, fields=fields))


def _plain_values(values: dict[str, Any]) -> dict[str, Any]:
    return {name: _plain(value) for name, value in values.items() if name not in _SECRET_FIELDS}


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple | QuerySet):
        return [_plain(item) for item in value]
    if isinstance(value, FieldFile):
        return value.name
    return value


def _action(obj: models.Model, verb: str) -> str:
    return f"{obj._meta.label_lower}.{verb}"


def _record_form(request: HttpRequest, form: Any, *, created: bool) -> None:
    """One event for a saved model form: its initial data before, the saved object after."""
    obj = form.instance
    fields = list(form.fields)
    before = {name: value for name, value in form.initial.items() if name in fields}
    record(
        actor=request.user,
        action=_action(obj, "create" if created else "change"),
        target=obj,
        before=None if created else _plain_values(before),
        after=snapshot(obj, fields),
    )


def _record_delete(request: HttpRequest, obj: models.Model) -> None:
    record(actor=request.user, action=_action(obj, "delete"), target=obj, before=snapshot(obj))


class AuditedAdminMixin(_ModelAdminBase):
    """Records every create, change and delete made in the admin, inlines included.

    Each event is written in the admin's own transaction. `before` is the form's
    initial data (the stored state when the form was built), `after` the saved
    object, both limited to the form's fields. The object's event is written in
    `save_related` rather than `save_model`, because many-to-many values are
    saved only there.
    """

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        if not change or form.has_changed():
            _record_form(request, form, created=not change)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        deleted = formset.deleted_forms
        for inline_form in deleted:
            if inline_form.instance.pk is not None:
                _record_delete(request, inline_form.instance)
        changed = [f for f in formset.initial_forms if f.has_changed() and f not in deleted]
        super().save_formset(request, form, formset, change)
        for inline_form in changed:
            _record_form(request, inline_form, created=False)
        for obj in formset.new_objects:
            record(
                actor=request.user, action=_action(obj, "create"), target=obj, after=snapshot(obj)
            )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        _record_delete(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for obj in queryset:
            _record_delete(request, obj)
        super().delete_queryset(request, queryset)
