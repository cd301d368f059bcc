"""Every URL pattern the project serves, as (route, name, parameters), read from the resolver."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse


@dataclass(frozen=True)
class Route:
    route: str  # the pattern as written, prefixes joined: the matrix's key
    name: str | None
    parameters: tuple[str, ...]

    def url(self, value) -> str:
        """The URL for this route filled with a case's value (an id, keyword arguments, or the URL itself)."""
        if self.name is None:
            return UNNAMED[self.route]
        if value is None:
            return reverse(self.name)
        if isinstance(value, str):
            return value  # a URL itself: a page's, or a file's
        if isinstance(value, dict):
            return reverse(self.name, kwargs={key: value[key] for key in self.parameters})
        (parameter,) = self.parameters
        return reverse(self.name, kwargs={parameter: value})


# Patterns without a name, and the URL that stands for each.
UNNAMED = {
    "healthz/": "/healthz/",
    "admin/test404/": "/admin/test404/",
    "admin/^.*/$": "/admin/no-such-screen/",
    "sitemap.xml": "/sitemap.xml",
}


def _parameters(pattern) -> tuple[str, ...]:
    text = str(pattern)
    named = re.findall(r"(?<!\?P)<(?:\w+:)?(\w+)>", text) + re.findall(r"\(\?P<(\w+)>", text)
    return tuple(named)


def _walk(patterns, prefix: str = "", namespace: str | None = None, parameters: tuple = ()):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(
                pattern.url_patterns, prefix + str(pattern.pattern), inner, parameters + _parameters(pattern.pattern)
            )
        elif isinstance(pattern, URLPattern):
            name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
            yield Route(prefix + str(pattern.pattern), name, parameters + _parameters(pattern.pattern))


def all_routes() -> list[Route]:
    """Every route that a request can reach: a pattern written again further down (one
    that ours stands in front of) is never reached, and is left out."""
    routes: dict[str, Route] = {}
    for route in _walk(get_resolver().url_patterns):
        routes.setdefault(route.route, route)
    return list(routes.values())
