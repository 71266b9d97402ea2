"""What every API view does with its input: who is asking, and the parsed parameters.

The limits every input shares: an id fits the database's 64-bit integer (a
larger one is a 400, never an overflow in the database driver); free text
(comments, reasons) is at most `FREE_TEXT_MAX_LENGTH` characters; a list of
ids or codes has at most `MAX_LIST_LENGTH` items.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from rest_framework import serializers
from rest_framework.request import Request

if TYPE_CHECKING:
    from rollkoll.org.models import User

MAX_ID = 2**63 - 1
FREE_TEXT_MAX_LENGTH = 2000
MAX_LIST_LENGTH = 1000


def id_field(**kwargs: Any) -> serializers.IntegerField:
    """A database id: a positive 64-bit integer."""
    return serializers.IntegerField(min_value=1, max_value=MAX_ID, **kwargs)


def free_text(**kwargs: Any) -> serializers.CharField:
    """A comment or a reason."""
    return serializers.CharField(max_length=FREE_TEXT_MAX_LENGTH, **kwargs)


def actor(request: Request) -> User:
    """The signed-in user; every view requires authentication."""
    return cast("User", request.user)


def parse(serializer_class: type[serializers.Serializer], request: Request, data: Any) -> Any:
    """The validated data, or a 400 naming the fields (through the exception handler)."""
    parsed = serializer_class(data=data, context={"request": request})
    parsed.is_valid(raise_exception=True)
    return parsed.validated_data
