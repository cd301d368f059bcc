"""The phone-friendly recording form for trainers (outside the Wagtail admin, which is heavy on a phone).

Without JavaScript the form posts as any form does. With it, the page keeps a queue of
recordings on the phone and sends them as JSON (trainings/offline.py) when it can.
"""

from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from campaigns.conf import earliest_date, future_days
from campaigns.models import Activity
from campaigns.models.common import EARLY_DATE, FUTURE_DATE, HOW_TO_WRITE_A_DATE
from core.fields import DayField
from trainings import conf
from trainings.forms import NewAttendeeFormSet, RecordActivityForm, present_options
from trainings.phone_sessions import keep_signed_in
from trainings.phone_sync import people_on_phone
from trainings.submission import parse_uuid, submit

LOGIN_URL = "wagtailadmin_login"


@never_cache
@login_required(login_url=LOGIN_URL)
@permission_required("campaigns.add_activity", raise_exception=True)
def record(request):
    """Record one activity with its attendees. A draft re-sent by the phone saves once."""
    keep_signed_in(request)
    if request.method == "POST":
        raw_uuid = request.POST.get("client_uuid")
        if raw_uuid and parse_uuid(raw_uuid) is None:
            form = RecordActivityForm(request.POST, user=request.user)
            attendees = NewAttendeeFormSet(request.POST, prefix="new")
            form.is_valid()  # the UUIDField says what is wrong with it
            return _render_form(request, form, attendees, status=400)
        outcome = submit(request.POST, user=request.user)
        if outcome.activity is not None:
            return redirect("trainings:recorded", pk=outcome.activity.pk)
        if outcome.conflict:
            form = RecordActivityForm(request.POST, user=request.user)
            form.add_error(None, _("Another record was already sent with this form's code: reload the page."))
            return _render_form(request, form, NewAttendeeFormSet(request.POST, prefix="new"), status=409)
        return _render_form(request, outcome.form, outcome.attendees)
    form = RecordActivityForm(user=request.user)
    return _render_form(request, form, NewAttendeeFormSet(prefix="new"))


def date_texts() -> dict:
    """How the page's script says a date back and refuses one ({date}, {words}… filled in by it)."""
    how = HOW_TO_WRITE_A_DATE
    return {
        "date_invalid": str(DayField.default_error_messages["invalid"]),
        "date_early": EARLY_DATE % {"date": "{date}", "year": "{year}", "how": how},
        "date_future": FUTURE_DATE % {"date": "{date}", "how": how},
        # Translators: a date in words; {day}, {month} (its number), {month_name} and {year} are filled in.
        "date_words": _("{day} {month_name} {year}"),
        "date_reads": _("Read as: %(words)s") % {"words": "{words}"},
        "months": [str(MONTHS[number]) for number in range(1, 13)],
    }


def date_rules() -> dict[str, int]:
    """The plausible dates (campaigns.conf), for the script to refuse what the server would."""
    return {
        "earliest_year": earliest_date().year,
        "future_days": future_days(),
    }


def app_texts() -> dict:
    """What the page's script says, in the reader's language ({n} is filled in by the script)."""
    return {
        **date_texts(),
        "offline": _("No connection"),
        "sending": _("Sending…"),
        "waiting": _("%(count)s waiting to send") % {"count": "{n}"},
        "refused_count": _("%(count)s refused: correct them") % {"count": "{n}"},
        "all_sent": _("Everything has been sent."),
        "sign_in": _("Sign in again to send"),
        "pending": _("waiting to send"),
        "sent": _("sent"),
        "refused": _("refused"),
        "correct": _("Correct and send again"),
        "correcting": _("Correct this record and save it again."),
        "saved_offline": _("Saved on this phone: it will be sent when there is a connection."),
        "saved_sent": _("Saved and sent."),
        "not_saved": _("Could not save on this phone: nothing was kept. Try again."),
        "missing": _("Fill in the name of the activity, the date and the commune."),
        "search_placeholder": _("Type the commune's name, with or without accents"),
        "search_results": _("Matching communes"),
        "no_commune": _("No commune of your provinces has this name."),
        "other_account": _("%(count)s records of another account are waiting for it to sign in.") % {"count": "{n}"},
        "export_name": _("records-not-sent"),
        "locked": _("Enter your PIN above first: your records on this phone are locked."),
        "pin_short": _("The PIN must have at least 6 digits."),
        "pin_set": _("PIN set: without signal, it opens your records on this phone."),
        "pin_wrong": _("This is not the PIN set on this phone."),
        "search_none": _("Nobody of your provinces has this name."),
        "search_offline": _("Searching needs a connection: add the person below instead."),
    }


def _render_form(request, form, attendees, *, status: int = 200, shell: bool = False):
    context = {
        "form": form,
        "attendees": attendees,
        "people": [] if shell else present_options(form, people_on_phone(request.user)),
        "shell": shell,
        "texts": app_texts(),
        "date_rules": date_rules(),
        "page_template": conf.page_template(),
    }
    return render(request, "trainings/record.html", context, status=status)


@never_cache
@login_required(login_url=LOGIN_URL)
@permission_required("campaigns.add_activity", raise_exception=True)
def shell(request):
    """The form without anyone's name in it, for the service worker to keep for offline use.

    The communes, clubs and people come from the phone's own store (IndexedDB), filled by
    the data endpoint while online; nothing personal goes into the browser's Cache Storage.
    """
    keep_signed_in(request)
    form = RecordActivityForm(user=request.user)
    for name in ("place", "club", "present"):
        form.fields[name].queryset = form.fields[name].queryset.none()
    return _render_form(request, form, NewAttendeeFormSet(prefix="new"), shell=True)


@login_required(login_url=LOGIN_URL)
def recorded(request, pk: int):
    activity = get_object_or_404(
        Activity.objects.for_user(request.user).select_related("place__province", "campaign"), pk=pk
    )
    return render(
        request,
        "trainings/recorded.html",
        {
            "activity": activity,
            "present": activity.attendances.filter(present=True).count(),
            "warnings": activity.coverage_warnings(),
            "page_template": conf.page_template(),
            "edit_url": reverse("activity:edit", args=[activity.pk]),
        },
    )
