"""Input and output serializers of the register API: grants, and a unit with its holders."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from rollkoll.org.api.serializers import ManagerLinkOut, UnitOut
from rollkoll.org.models import Unit
from rollkoll.register.models import Grant, GrantUnit


class GrantQuery(serializers.Serializer):
    unit = serializers.CharField(required=False, max_length=20)
    employee_id = serializers.CharField(required=False, max_length=20)
    on = serializers.DateField(required=False, help_text=_("Datum; i dag om det saknas."))


class GrantOut(serializers.Serializer):
    employee_id = serializers.CharField(source="person.employee_id")
    role = serializers.CharField(source="role.code")
    units = serializers.SerializerMethodField()
    valid_from = serializers.DateField()
    valid_to = serializers.DateField(allow_null=True)

    def get_units(self, grant: Grant) -> list[str]:
        return grant.unit_codes()


class UnitDetailOut(UnitOut):
    manager_links = ManagerLinkOut(many=True, source="active_manager_links")
    grants = serializers.SerializerMethodField()

    @extend_schema_field(GrantOut(many=True))
    def get_grants(self, unit: Unit) -> Any:
        held_here: list[GrantUnit] = unit.grants_held_here  # type: ignore[attr-defined]
        return GrantOut([grant_unit.grant for grant_unit in held_here], many=True).data
