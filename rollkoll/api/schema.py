"""OpenAPI post-processing: every operation documents the one JSON error shape.

The exception handler (`rollkoll.api.errors`) answers every error as
`{"error": code, "detail": text}`, with `fields` for invalid input and
`reasons` for a refused eligibility check. Rather than each view listing the
statuses any view can answer, this hook adds 400, 403 and 404 to every
operation that does not document them itself, and sets the one error schema
(`ErrorOut`, also the name views use when they document another status).
"""

from __future__ import annotations

from typing import Any

ERROR = "ErrorOut"
ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "error": {"type": "string"},
        "detail": {"type": "string"},
        "fields": {"type": "object", "additionalProperties": True},
        "reasons": {"type": "array", "items": {"type": "object", "additionalProperties": True}},
    },
    "required": ["error", "detail"],
}
COMMON = {
    "400": "Ogiltiga uppgifter",
    "403": "Inte inloggad, eller saknar behörighet",
    "404": "Hittades inte",
}


def add_error_responses(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    result.setdefault("components", {}).setdefault("schemas", {})[ERROR] = ERROR_SCHEMA
    error = {"application/json": {"schema": {"$ref": f"#/components/schemas/{ERROR}"}}}
    for item in result.get("paths", {}).values():
        for operation in item.values():
            responses = operation.setdefault("responses", {})
            for status, description in COMMON.items():
                responses.setdefault(status, {"description": description, "content": error})
    return result
