"""Rate limits: the sign-in form, the password reset form, the site search and the public
API answer 429 with Retry-After when one address asks too often.

Built on Django REST framework's throttles (a counter per address in the default cache,
Redis in production, so every worker and server counts together): the API uses them as
DRF intends; the forms and the search, which are not DRF views, go through
`RateLimitMiddleware`. Every limit counts per core.clientip.client_ip(), the address
django-axes locks out too. Rates live in settings.RATE_LIMITS and are read at each request.
"""

import math
import re

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle, UserRateThrottle

from core.clientip import client_ip


class SettingsRate:
    """Reads the rate from settings.RATE_LIMITS when asked, not once at import, and counts
    per the client address that every limit reads (not DRF's NUM_PROXIES reading)."""

    scope: str

    def get_rate(self):
        return settings.RATE_LIMITS[self.scope]

    def get_ident(self, request):
        return client_ip(request)


class PublicApiThrottle(SettingsRate, AnonRateThrottle):
    scope = "api_anonymous"


class StaffApiThrottle(SettingsRate, UserRateThrottle):
    scope = "api_staff"


class PathThrottle(SettingsRate, SimpleRateThrottle):
    def __init__(self, scope: str):
        self.scope = scope
        super().__init__()

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


# (scope, HTTP method, path pattern): what a person or a script may repeat only so often.
LIMITED = [
    ("login", "POST", re.compile(r"^/admin/login/$")),
    ("password_reset", "POST", re.compile(r"^/admin/password_reset/$")),
    ("search", "GET", re.compile(r"^/(?:en/)?search/$")),
]


def too_many_requests(seconds: float | None) -> HttpResponse:
    response = HttpResponse(render_to_string("errors/too_many_requests.html"), status=429)
    response["Retry-After"] = str(max(1, math.ceil(seconds or 60)))
    return response


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for scope, method, pattern in LIMITED:
            if request.method == method and pattern.match(request.path_info):
                throttle = PathThrottle(scope)
                if not throttle.allow_request(request, None):
                    return too_many_requests(throttle.wait())
        return self.get_response(request)
