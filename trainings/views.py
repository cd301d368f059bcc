"""The phone-friendly recording form for trainers (outside the Wagtail admin, which is heavy on a phone)."""

from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from campaigns.models import Activity
from trainings.forms import NewAttendeeFormSet, RecordActivityForm, present_options
from trainings.services import record_activity

LOGIN_URL = "wagtailadmin_login"


@login_required(login_url=LOGIN_URL)
@permission_required("campaigns.add_activity", raise_exception=True)
def record(request):
    """Record one activity with its attendees. A draft re-sent by the phone saves once."""
    if request.method == "POST":
        form = RecordActivityForm(request.POST, user=request.user)
        attendees = NewAttendeeFormSet(request.POST, prefix="new")
        uuid = request.POST.get("client_uuid")
        if uuid:
            already = Activity.objects.filter(client_uuid=uuid, recorded_by=request.user).first()
            if already is not None:
                return redirect("trainings:recorded", pk=already.pk)
        if form.is_valid() and attendees.is_valid():
            activity = form.save(commit=False)
            activity.client_uuid = form.cleaned_data.get("client_uuid") or None
            new = [f.attendee() for f in attendees.forms if f.has_changed() and f.cleaned_data.get("full_name")]
            try:
                with transaction.atomic():
                    activity = record_activity(
                        activity,
                        user=request.user,
                        present=list(form.cleaned_data["present"]),
                        new_attendees=new,
                        audiences=form.cleaned_data["audiences"],
                    )
            except ValidationError as error:
                form.add_error(None, error)
            except IntegrityError:
                # The same draft arrived twice at once: the other request saved it.
                return redirect("trainings:recorded", pk=Activity.objects.get(client_uuid=uuid).pk)
            else:
                return redirect("trainings:recorded", pk=activity.pk)
    else:
        form = RecordActivityForm(user=request.user)
        attendees = NewAttendeeFormSet(prefix="new")
    context = {"form": form, "attendees": attendees, "people": present_options(form)}
    return render(request, "trainings/record.html", context)


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
            "edit_url": reverse("activity:edit", args=[activity.pk]),
        },
    )
