"""Content Security Policy (django-csp 4, standing in for Django 6's built-in middleware).

Scripts only from our own origin or with the request's nonce; no inline event handlers,
no eval, no plugins, nothing framing us from elsewhere. The public site has no inline
script or style at all. The Wagtail admin still sets some inline style attributes
(progress bars, focal points), so its pages allow inline styles — never inline scripts.
The policy itself is CONTENT_SECURITY_POLICY in the settings.
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts


class SitePolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith("/admin/"):
            parts.update = {**(parts.update or {}), "style-src": [SELF, UNSAFE_INLINE]}
        return parts
