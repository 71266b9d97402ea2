"""What every API view does with its input: who is asking, and the parsed parameters."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from rest_framework import serializers
from rest_framework.request import Request

if TYPE_CHECKING:
    from rollkoll.org.models import User


def actor(request: Request) -> User:
    """The signed-in user; every view requires authentication."""
    return cast("User", request.user)


def parse(serializer_class: type[serializers.Serializer], request: Request, data: Any) -> Any:
    """The validated data, or a 400 naming the fields (through the exception handler)."""
    parsed = serializer_class(data=data, context={"request": request})
    parsed.is_valid(raise_exception=True)
    return parsed.validated_data
