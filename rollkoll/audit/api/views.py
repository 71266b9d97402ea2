"""The audit log to read: auditors, administrators and specialist support."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets

from rollkoll.api.inputs import actor
from rollkoll.api.serializers import ErrorOut
from rollkoll.audit.api.serializers import EventOut
from rollkoll.audit.models import Event

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
    specialist support see none."""

    serializer_class = EventOut
    filterset_class = EventFilter
    lookup_field = "sequence"
    lookup_value_regex = "[0-9]+"

    def get_queryset(self) -> QuerySet[Event]:
        if getattr(self, "swagger_fake_view", False):
            return Event.objects.none()
        return Event.objects.visible_to(actor(self.request)).order_by("sequence")
