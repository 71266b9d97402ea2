"""Input and output serializers of the access API: eligibility, grants, requests.

Input serializers parse and validate what the caller sends; output serializers
render domain objects. Neither holds business rules.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from rollkoll.access.models import Grant
from rollkoll.catalog.models import Role
from rollkoll.org.models import Unit


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

    def to_representation(self, value: Any) -> list[str]:
        return unit_codes(value)


def role_field(**kwargs: Any) -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(slug_field="code", queryset=Role.objects.all(), **kwargs)


class EligibilityQuery(serializers.Serializer):
    employee_id = serializers.CharField(max_length=20)
    role = role_field()
    units = UnitCodesField(help_text=_("Ansvarskoder, kommaseparerade."))
    on = serializers.DateField(required=False, help_text=_("Datum; i dag om det saknas."))


class CourseOut(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    booking_url = serializers.CharField()


class ReasonOut(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()
    action = serializers.CharField(required=False)
    course = CourseOut(required=False, allow_null=True)
    params = serializers.DictField(child=serializers.CharField(), required=False)


class SuggestionOut(ReasonOut):
    role = serializers.CharField(required=False, allow_null=True)


class EligibilityOut(serializers.Serializer):
    verdict = serializers.ChoiceField(choices=["eligible", "pending_training", "not_eligible"])
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
    error = serializers.CharField()
    detail = serializers.CharField()
    reasons = ReasonOut(many=True, required=False)
