"""Serializer fields shared by the APIs that name units."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from rollkoll.api.inputs import MAX_LIST_LENGTH
from rollkoll.org.models import Unit

SHOWN_CODES = 10


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class UnitCodesField(serializers.Field):
    """Unit codes as a list or a comma-separated string, resolved to units."""

    default_error_messages = {
        "empty": _("Ange minst ett ansvar."),
        "unknown": _("Okända ansvar: {codes}."),
        "invalid": _("Ange ansvarskoder som en lista eller kommaseparerade."),
        "too_many": _("Högst {max} ansvar."),
    }

    def to_internal_value(self, data: Any) -> list[Unit]:
        if isinstance(data, str):
            data = data.split(",")
        if not isinstance(data, list) or not all(isinstance(code, str) for code in data):
            self.fail("invalid")
        codes = list(dict.fromkeys(code.strip() for code in data if code.strip()))
        if not codes:
            self.fail("empty")
        if len(codes) > MAX_LIST_LENGTH:
            self.fail("too_many", max=MAX_LIST_LENGTH)
        # No code holds NUL, and PostgreSQL refuses to be asked.
        askable = [code for code in codes if "\x00" not in code]
        units = {unit.code: unit for unit in Unit.objects.filter(code__in=askable)}
        missing = [code for code in codes if code not in units]
        if missing:
            self.fail("unknown", codes=_shown(missing))
        return [units[code] for code in codes]


@extend_schema_field(OpenApiTypes.STR)
class CommaSeparatedUnitsField(UnitCodesField):
    """Unit codes in a query string: `units=A,B`."""


def _shown(codes: list[str]) -> str:
    """The first few codes, each cut short: enough to find the mistake, never the whole input."""
    listed = ", ".join(code if len(code) <= 20 else code[:19] + "…" for code in codes[:SHOWN_CODES])
    return listed + (", …" if len(codes) > SHOWN_CODES else "")


def unit_codes(units: Any) -> list[str]:
    """Codes of a prefetched many-to-many, in the prefetch's order."""
    return [unit.code for unit in units.all()]
