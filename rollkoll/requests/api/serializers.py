"""Input and output serializers of the requests API: eligibility and requests.

Input serializers parse and validate what the caller sends; output serializers
render domain objects. Neither holds business rules.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from rollkoll.api.inputs import FREE_TEXT_MAX_LENGTH, MAX_LIST_LENGTH, free_text, id_field
from rollkoll.api.serializers import ReasonOut
from rollkoll.audit.models import Event
from rollkoll.catalog.api.fields import role_field
from rollkoll.catalog.rules import Verdict
from rollkoll.org.api.fields import CommaSeparatedUnitsField, UnitCodesField, unit_codes
from rollkoll.org.models import Person
from rollkoll.requests.models import AccessRequest, RequestKind, RequestStatus
from rollkoll.requests.progress import StageStatus, stage_rows
from rollkoll.requests.selectors import actor_name, event_reason, history_of
from rollkoll.requests.waiting import awaited_courses


class EligibilityQuery(serializers.Serializer):
    employee_id = serializers.CharField(max_length=20)
    role = role_field()
    units = CommaSeparatedUnitsField(help_text=_("Ansvarskoder, kommaseparerade."))
    on = serializers.DateField(required=False, help_text=_("Datum; i dag om det saknas."))


class SuggestionOut(ReasonOut):
    role = serializers.CharField(required=False, allow_null=True)


class EligibilityOut(serializers.Serializer):
    verdict = serializers.ChoiceField(choices=[verdict.value for verdict in Verdict])
    reasons = ReasonOut(many=True)
    suggestions = SuggestionOut(many=True)


class RequestIn(serializers.Serializer):
    """A new form. The person must be in the caller's scope, except the manager a
    manager link names, who may come from anywhere in the region."""

    kind = serializers.ChoiceField(choices=RequestKind.choices)
    employee_id = serializers.CharField(max_length=20)
    role = role_field(required=False, allow_null=True, default=None)
    units = UnitCodesField(help_text=_("Ansvarskoder, som lista eller kommaseparerade."))
    valid_from = serializers.DateField()
    comment = free_text(required=False, allow_blank=True, default="")
    justification = free_text(
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Motivering, när rollen avviker från den som gäller för chefsuppdraget."),
    )

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        people = Person.objects.all()
        if data["kind"] != RequestKind.MANAGER_LINK:
            people = people.visible_to(self.context["request"].user)
        person = people.filter(employee_id=data["employee_id"]).first()
        if person is None:
            raise serializers.ValidationError({"employee_id": _("Okänd person.")})
        return {**data, "person": person}


class RequestPatchIn(serializers.Serializer):
    """An edit of a draft or returned form: only the fields sent change."""

    role = role_field(required=False)
    units = UnitCodesField(
        required=False, help_text=_("Ansvarskoder, som lista eller kommaseparerade.")
    )
    valid_from = serializers.DateField(required=False)
    comment = free_text(required=False, allow_blank=True)
    justification = free_text(required=False, allow_blank=True)

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        if not data:
            raise serializers.ValidationError(
                _("Ange minst något av role, units, valid_from, comment och justification.")
            )
        return data


class RequestQuery(serializers.Serializer):
    status = serializers.ChoiceField(choices=RequestStatus.choices, required=False)


class SignIn(serializers.Serializer):
    password = serializers.CharField(
        style={"input_type": "password"}, trim_whitespace=False, max_length=FREE_TEXT_MAX_LENGTH
    )


class BulkSignIn(SignIn):
    ids = serializers.ListField(child=id_field(), min_length=1, max_length=MAX_LIST_LENGTH)


class ReasonIn(serializers.Serializer):
    reason = free_text()


class HolderOut(serializers.Serializer):
    name = serializers.CharField()
    deputy_for = serializers.CharField(allow_null=True)


class StageOut(serializers.Serializer):
    position = serializers.IntegerField()
    name = serializers.CharField()
    approver_group = serializers.CharField()
    status = serializers.ChoiceField(choices=[s.value for s in StageStatus])
    holders = HolderOut(many=True)
    due = serializers.DateField(allow_null=True)


class HistoryOut(serializers.Serializer):
    action = serializers.CharField()
    actor = serializers.SerializerMethodField()
    time = serializers.DateTimeField(source="occurred_at")
    reason = serializers.SerializerMethodField()

    def get_actor(self, event: Event) -> str:
        return actor_name(event)

    def get_reason(self, event: Event) -> str:
        return event_reason(event)


class RequestOut(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=RequestKind.choices)
    status = serializers.ChoiceField(choices=RequestStatus.choices)
    stage = serializers.IntegerField(allow_null=True)
    employee_id = serializers.CharField(source="person.employee_id")
    role = serializers.CharField(source="role.code", allow_null=True, default=None)
    units = serializers.SerializerMethodField()
    valid_from = serializers.DateField()
    comment = serializers.CharField()
    justification = serializers.CharField()
    reason = serializers.CharField()

    def get_units(self, request: AccessRequest) -> list[str]:
        return unit_codes(request.units)


class AwaitedCourseOut(serializers.Serializer):
    course = serializers.CharField(source="code")
    name = serializers.CharField()
    booked = serializers.DateField(allow_null=True)


class RequestDetailOut(RequestOut):
    stages = serializers.SerializerMethodField()
    history = serializers.SerializerMethodField()
    waiting_for = serializers.SerializerMethodField(
        help_text=_("Kurserna en blankett som väntar på utbildning väntar på, med bokat datum.")
    )

    @extend_schema_field(StageOut(many=True))
    def get_stages(self, request: AccessRequest) -> Any:
        return StageOut(stage_rows(request), many=True).data

    @extend_schema_field(HistoryOut(many=True))
    def get_history(self, request: AccessRequest) -> Any:
        return HistoryOut(history_of(request), many=True).data

    @extend_schema_field(AwaitedCourseOut(many=True))
    def get_waiting_for(self, request: AccessRequest) -> Any:
        if request.status != RequestStatus.WAITING_FOR_TRAINING:
            return []
        return AwaitedCourseOut(awaited_courses(request), many=True).data
