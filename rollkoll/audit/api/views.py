"""The audit log to read: auditors, administrators and specialist support."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets

from rollkoll.api.inputs import actor
from rollkoll.api.serializers import ErrorOut
from rollkoll.audit.api.serializers import EventOut
from rollkoll.audit.models import Event
from rollkoll.audit.services import disclose_events

ERRORS = {403: ErrorOut, 404: ErrorOut}


class EventFilter(filters.FilterSet):
    action = filters.CharFilter(help_text=_("T.ex. request.sign eller catalog.role.change."))
    target_type = filters.CharFilter(help_text=_("T.ex. requests.accessrequest eller org.unit."))
    target_id = filters.CharFilter()

    class Meta:
        model = Event
        fields = ["action", "target_type", "target_id"]


@extend_schema_view(
    list=extend_schema(responses={200: EventOut(many=True), **ERRORS}),
    retrieve=extend_schema(responses={200: EventOut, **ERRORS}),
)
class EventViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Audit events in sequence order; others than auditors, administrators and
    specialist support see none. Personnummer in them are masked for auditors;
    each whole one shown is itself recorded (`disclose_events`)."""

    serializer_class = EventOut
    filterset_class = EventFilter
    lookup_field = "sequence"
    lookup_value_regex = "[0-9]+"

    def get_queryset(self) -> QuerySet[Event]:
        if getattr(self, "swagger_fake_view", False):
            return Event.objects.none()
        return Event.objects.visible_to(actor(self.request)).order_by("sequence")

    def paginate_queryset(self, queryset: QuerySet[Any]) -> list[Any] | None:
        page = super().paginate_queryset(queryset)
        if page is None:
            return None
        return disclose_events(page, viewer=actor(self.request), via="api.audit-events")

    def get_object(self) -> Event:
        [event] = disclose_events(
            [super().get_object()], viewer=actor(self.request), via="api.audit-events"
        )
        return event
