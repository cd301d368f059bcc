"""Whole-response cache of the public site for anonymous readers.

A cached page costs one or two cache reads and no database query. Every key carries a
generation number; publishing, unpublishing, moving or deleting any page bumps it, so
the home page, indexes and search never show a page that is gone. Figures from the
campaign records (home, campaign and statistics pages) may lag by up to
PUBLIC_PAGE_CACHE_SECONDS. Uses Django's default cache: Redis when CACHE_URL names one,
else per-process memory.

Never cached: logged-in users (a session cookie), previews and the admin (other paths),
anything but GET/HEAD with a 200 answer, responses that set cookies or say private/no-store.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control

GENERATION_KEY = "cms:page-cache:generation"
SKIPPED_PREFIXES = (
    "/admin/",
    "/record/",
    "/api/",
    "/documents/",
    "/files/",
    "/i18n/",
    "/static/",
    "/media/",
    "/django-admin/",
)


def cache_seconds() -> int:
    return getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", 300)


def bump_generation(**kwargs) -> None:
    """Forget every cached public page (called on publish, unpublish, move and delete)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def _generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def _cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and cache_seconds() > 0
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(SKIPPED_PREFIXES)
    )


def _key(request, generation: int) -> str:
    digest = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()[:32]
    return f"cms:page:{generation}:{digest}"


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request, _generation())
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if self._cacheable_response(response):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            patch_cache_control(response, public=True, max_age=60)
            cache.set(key, response, cache_seconds())
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _cacheable_response(response) -> bool:
        control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.cookies
            and not getattr(response, "streaming", False)
            and "private" not in control
            and "no-store" not in control
            and "no-cache" not in control
        )
