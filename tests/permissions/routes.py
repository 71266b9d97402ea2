"""Every route the root resolver knows, and the path that reaches it with given values."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Route:
    pattern: str
    name: str | None
    params: tuple[str, ...]
    callback: Any

    @property
    def model_admin(self) -> Any:
        return getattr(self.callback, "model_admin", None)

    @property
    def label(self) -> str:
        return self.name or self.pattern

    @property
    def is_admin(self) -> bool:
        return self.pattern.startswith("admin/")

    @property
    def is_api(self) -> bool:
        return self.pattern.startswith("api/")

    def path(self, values: dict[str, str]) -> str:
        """The pattern with each parameter replaced, regex anchors removed."""
        missing = [name for name in self.params if name not in values]
        assert not missing, f"{self.label}: no value for the URL parameter {missing}"
        text = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: values[m.group(1)], self.pattern)
        text = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: values[m.group(1)], text)
        return "/" + text.replace("^", "").replace("$", "")


def discover(
    resolver: URLResolver | None = None, prefix: str = "", namespace: str = ""
) -> Iterator[Route]:
    for entry in (resolver or get_resolver()).url_patterns:
        pattern = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace]))
            yield from discover(entry, pattern, inner)
        elif isinstance(entry, URLPattern):
            name = ":".join(filter(None, [namespace, entry.name])) if entry.name else None
            params = re.findall(r"\(\?P<(\w+)>", pattern)
            params += re.findall(r"(?<!\?P)<(?:\w+:)?(\w+)>", pattern)
            yield Route(pattern, name, tuple(params), entry.callback)


ROUTES = sorted(discover(), key=lambda route: route.pattern)
ADMIN_ROUTES = [route for route in ROUTES if route.is_admin]
OTHER_ROUTES = [route for route in ROUTES if not route.is_admin]


def accepts(route: Route, method: str) -> bool:
    """Whether the route's view takes the method: a DRF viewset action or a class-based view's."""
    actions = getattr(route.callback, "actions", None)
    if actions is not None:
        return method in actions
    view_class = getattr(route.callback, "view_class", None)
    return view_class is not None and hasattr(view_class, method)


def accepts_post(route: Route) -> bool:
    return accepts(route, "post")
