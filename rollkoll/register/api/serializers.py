"""Input and output serializers of the register API: grants, and a unit with its holders."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from rollkoll.org.api.fields import unit_codes
from rollkoll.org.api.serializers import ManagerLinkOut, UnitOut
from rollkoll.register.models import Grant


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
        return unit_codes(grant.units)


class UnitDetailOut(UnitOut):
    manager_links = ManagerLinkOut(many=True, source="active_manager_links")
    grants = GrantOut(many=True, source="active_grants")
