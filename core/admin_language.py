"""The admin speaks its user's language for the whole request, error pages included.

Wagtail switches to the user's preferred language only inside its views, so a page not found
there (another province's record, a record that does not exist: the same answer) was drawn
after the switch had ended, in the browser's language, which is English on many phones and
office machines. This middleware makes the switch before the view and keeps it for the rest of
the request.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property


class AdminLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    @cached_property
    def admin_prefix(self) -> str:
        return reverse("wagtailadmin_home")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = self.preferred_language(request)
        if language is None:
            return self.get_response(request)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            return self.get_response(request)

    def preferred_language(self, request: HttpRequest) -> str | None:
        user = getattr(request, "user", None)
        if not request.path.startswith(self.admin_prefix) or user is None or not user.is_authenticated:
            return None
        profile = getattr(user, "wagtail_userprofile", None)
        return profile.get_preferred_language() if profile is not None else None
