"""Serializer fields shared by the APIs that name units."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from rollkoll.org.models import Unit


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


@extend_schema_field(OpenApiTypes.STR)
class CommaSeparatedUnitsField(UnitCodesField):
    """Unit codes in a query string: `units=A,B`."""


def unit_codes(units: Any) -> list[str]:
    """Codes of a prefetched many-to-many, in the prefetch's order."""
    return [unit.code for unit in units.all()]
