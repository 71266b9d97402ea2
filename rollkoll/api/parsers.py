"""The API's JSON parser: the body size limit holds for JSON too, and no nesting crashes it.

Django checks `DATA_UPLOAD_MAX_MEMORY_SIZE` when a body is read as a whole,
but REST framework's JSON parser reads the body as a stream, past that check:
here it reads at most one byte more than the limit, and refuses the body if
that byte came. Deeply nested JSON (`[[[[…`) makes the decoder recurse until
Python stops it; that is bad input, not a server error.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    def parse(
        self,
        stream: IO[Any],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None:
            body = stream.read(limit + 1)
            if len(body) > limit:
                raise RequestDataTooBig
            stream = io.BytesIO(body)
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(_("JSON-texten är för djupt nästlad.")) from None
