"""Input and output serializers of the access API: eligibility, grants, requests.

Input serializers parse and validate what the caller sends; output serializers
render domain objects. Neither holds business rules.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from rollkoll.access.models import AccessRequest, Grant, RequestKind, RequestStatus
from rollkoll.access.progress import StageStatus, stage_rows
from rollkoll.access.selectors import event_reason, history_of
from rollkoll.audit.models import Event
from rollkoll.catalog.models import Role
from rollkoll.catalog.rules import Verdict
from rollkoll.org.models import Person, Unit


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class UnitCodesField(serializers.Field):
    """Unit codes as a list or a comma-separated string, resolved to units."""

    default_error_messages = {
        "empty": _("Ange minst ett ansvar."),
        "unknown": _("Okända ansvar: {codes}."),
    }

    def to_internal_value(self, data: Any) -> list[Unit]:
        if isinstance(data, str):
            data = data.split(",")
        if not isinstance(data, list) or not all(isinstance(code, str) for code in data):
            self.fail("unknown", codes=data)
        codes = list(dict.fromkeys(code.strip() for code in data if code.strip()))
        if not codes:
            self.fail("empty")
        units = {unit.code: unit for unit in Unit.objects.filter(code__in=codes)}
        missing = [code for code in codes if code not in units]
        if missing:
            self.fail("unknown", codes=", ".join(missing))
        return [units[code] for code in codes]


def role_field(**kwargs: Any) -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(slug_field="code", queryset=Role.objects.all(), **kwargs)


@extend_schema_field(OpenApiTypes.STR)
class CommaSeparatedUnitsField(UnitCodesField):
    """Unit codes in a query string: `units=A,B`."""


class EligibilityQuery(serializers.Serializer):
    employee_id = serializers.CharField(max_length=20)
    role = role_field()
    units = CommaSeparatedUnitsField(help_text=_("Ansvarskoder, kommaseparerade."))
    on = serializers.DateField(required=False, help_text=_("Datum; i dag om det saknas."))


class DecisionCourseOut(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    booking_url = serializers.CharField()


class ReasonOut(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()
    action = serializers.CharField(required=False)
    course = DecisionCourseOut(required=False, allow_null=True)
    params = serializers.DictField(child=serializers.CharField(), required=False)


class SuggestionOut(ReasonOut):
    role = serializers.CharField(required=False, allow_null=True)


class EligibilityOut(serializers.Serializer):
    verdict = serializers.ChoiceField(choices=[verdict.value for verdict in Verdict])
    reasons = ReasonOut(many=True)
    suggestions = SuggestionOut(many=True)


class GrantQuery(serializers.Serializer):
    unit = serializers.CharField(required=False, max_length=20)
    employee_id = serializers.CharField(required=False, max_length=20)
    on = serializers.DateField(required=False, help_text=_("Datum; i dag om det saknas."))


def unit_codes(units: Any) -> list[str]:
    """Codes of a prefetched many-to-many, in the prefetch's order."""
    return [unit.code for unit in units.all()]


class GrantOut(serializers.Serializer):
    employee_id = serializers.CharField(source="person.employee_id")
    role = serializers.CharField(source="role.code")
    units = serializers.SerializerMethodField()
    valid_from = serializers.DateField()
    valid_to = serializers.DateField(allow_null=True)

    def get_units(self, grant: Grant) -> list[str]:
        return unit_codes(grant.units)


class ErrorOut(serializers.Serializer):
    """Every API error; its full schema (with `fields`) is set by `rollkoll.api.schema`."""

    error = serializers.CharField()
    detail = serializers.CharField()
    reasons = ReasonOut(many=True, required=False)


class RequestIn(serializers.Serializer):
    """A new form. The person must be in the caller's scope, except the manager a
    manager link names, who may come from anywhere in the region."""

    kind = serializers.ChoiceField(choices=RequestKind.choices)
    employee_id = serializers.CharField(max_length=20)
    role = role_field(required=False, allow_null=True, default=None)
    units = UnitCodesField(help_text=_("Ansvarskoder, som lista eller kommaseparerade."))
    valid_from = serializers.DateField()
    comment = serializers.CharField(required=False, allow_blank=True, default="")

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        people = Person.objects.all()
        if data["kind"] != RequestKind.MANAGER_LINK:
            people = people.visible_to(self.context["request"].user)
        person = people.filter(employee_id=data["employee_id"]).first()
        if person is None:
            raise serializers.ValidationError({"employee_id": _("Okänd person.")})
        return {**data, "person": person}


class RequestQuery(serializers.Serializer):
    status = serializers.ChoiceField(choices=RequestStatus.choices, required=False)


class SignIn(serializers.Serializer):
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False)


class BulkSignIn(SignIn):
    ids = serializers.ListField(child=serializers.IntegerField(min_value=1), min_length=1)


class ReasonIn(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


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
    actor = serializers.CharField(source="actor_label")
    time = serializers.DateTimeField(source="occurred_at")
    reason = serializers.SerializerMethodField()

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
    reason = serializers.CharField()

    def get_units(self, request: AccessRequest) -> list[str]:
        return unit_codes(request.units)


class RequestDetailOut(RequestOut):
    stages = serializers.SerializerMethodField()
    history = serializers.SerializerMethodField()

    @extend_schema_field(StageOut(many=True))
    def get_stages(self, request: AccessRequest) -> Any:
        return StageOut(stage_rows(request), many=True).data

    @extend_schema_field(HistoryOut(many=True))
    def get_history(self, request: AccessRequest) -> Any:
        return HistoryOut(history_of(request), many=True).data
