"""Permissions-Policy: the browser features no page of the site uses are denied to all.

No page asks for the camera, the microphone or the position (the phone form picks the
commune from a list and photos are uploaded as files), so a script that got in, or a
frame, cannot ask for them either. PERMISSIONS_POLICY in the settings lists the features;
an empty list denies one to every origin, ours included.
"""

from __future__ import annotations

from django.conf import settings


def policy_header(policy: dict[str, list[str]]) -> str:
    return ", ".join(f"{feature}=({' '.join(origins)})" for feature, origins in policy.items())


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.header = policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
