"""How long a trainer stays signed in on the phone, and how an administrator ends it.

A trainer records in communes without signal for days; her queue waits on the phone and is
sent when a connection returns, but only while she is signed in. So every use of the phone
form starts her session's period again (`TRAININGS_PHONE_SESSION_DAYS`, trainings.conf), whether or
not she ticked "Remember me", and the cookie outlives the browser. A lost phone is handled
by an administrator: *End sessions* in the users list signs the user out everywhere.

Ending them reads no session: each session keeps the user's sign-in generation it was
signed in under (`SignInGeneration`), *End sessions* moves the user's number on in one
update, and `EndedSessions` (a middleware after Django's authentication) signs out a session
whose number is behind. A session without a number (made before there were any) counts as 0.
"""

from django.contrib import messages
from django.contrib.auth import SESSION_KEY, get_user_model, logout
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from trainings.conf import phone_session_days
from trainings.models import SignInGeneration

SESSIONS_ENDED = "trainings.sessions_ended"


def keep_signed_in(request) -> None:
    """Start the signed-in trainer's period again: she stays signed in while she uses the form."""
    if request.user.is_authenticated:
        request.session.set_expiry(phone_session_days() * 24 * 60 * 60)


GENERATION = "trainings_sign_in_generation"


def generation_of(user_id) -> int:
    return SignInGeneration.objects.filter(user_id=user_id).values_list("number", flat=True).first() or 0


def remember_generation(sender, request, user, **kwargs) -> None:
    """On sign-in (user_logged_in): the session keeps the generation it belongs to."""
    if request is not None and hasattr(request, "session"):
        generation, _made = SignInGeneration.objects.get_or_create(user_id=user.pk)
        request.session[GENERATION] = generation.number


def end_sessions(user) -> None:
    """Sign `user` out on every device: their generation moves on, in one update."""
    if not SignInGeneration.objects.filter(user=user).update(number=F("number") + 1):
        SignInGeneration.objects.get_or_create(user=user, defaults={"number": 1})


class EndedSessions:
    """Signs out a session whose sign-in generation is behind its user's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        user_id = session.get(SESSION_KEY) if session is not None else None
        if user_id is not None and session.get(GENERATION, 0) != generation_of(user_id):
            logout(request)
        return self.get_response(request)


def end_sessions_view(request, pk: int):
    """A confirmation page (GET), then the user's sessions ended (POST). Administrators only."""
    if not request.user.has_perm("auth.change_user"):
        raise PermissionDenied
    user = get_object_or_404(get_user_model(), pk=pk)
    if request.method == "POST":
        end_sessions(user)
        log(instance=user, action=SESSIONS_ENDED, user=request.user)
        messages.success(request, _("%(user)s is signed out on every device.") % {"user": user.get_username()})
        return redirect("wagtailusers_users:index")
    context = {"target": user, "page_title": _("End sessions"), "header_title": _("End sessions")}
    context["action_url"] = reverse("trainings_end_sessions", args=[user.pk])
    return TemplateResponse(request, "trainings/end_sessions.html", context)
