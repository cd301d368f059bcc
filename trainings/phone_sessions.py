"""How long a trainer stays signed in on the phone, and how an administrator ends it.

A trainer records in communes without signal for days; her queue waits on the phone and is
sent when a connection returns, but only while she is signed in. So every use of the phone
form starts her session's period again (`TRAININGS_PHONE_SESSION_DAYS`, trainings.conf), whether or
not she ticked "Remember me", and the cookie outlives the browser. A lost phone is handled
by an administrator: *End sessions* in the users list signs the user out everywhere.
"""

from importlib import import_module

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from trainings.conf import phone_session_days

SESSIONS_ENDED = "trainings.sessions_ended"


def keep_signed_in(request) -> None:
    """Start the signed-in trainer's period again: she stays signed in while she uses the form."""
    if request.user.is_authenticated:
        request.session.set_expiry(phone_session_days() * 24 * 60 * 60)


def end_sessions(user) -> int:
    """Sign `user` out on every device; how many sessions were ended."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            store(session_key=session.session_key).delete()  # through the engine: a cached copy goes too
            ended += 1
    return ended


def end_sessions_view(request, pk: int):
    """A confirmation page (GET), then the user's sessions ended (POST). Administrators only."""
    if not request.user.has_perm("auth.change_user"):
        raise PermissionDenied
    user = get_object_or_404(get_user_model(), pk=pk)
    if request.method == "POST":
        ended = end_sessions(user)
        log(instance=user, action=SESSIONS_ENDED, user=request.user, data={"sessions": ended})
        messages.success(
            request,
            _("%(user)s is signed out on every device (%(count)s sessions ended).")
            % {"user": user.get_username(), "count": ended},
        )
        return redirect("wagtailusers_users:index")
    context = {"target": user, "page_title": _("End sessions"), "header_title": _("End sessions")}
    context["action_url"] = reverse("trainings_end_sessions", args=[user.pk])
    return TemplateResponse(request, "trainings/end_sessions.html", context)
