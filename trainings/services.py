"""Writes that span models: recording an activity with its sign-in list."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from campaigns.models import Activity
from trainings.models import KINH, Attendance, Participant

ATTENDANCE_LOGGED = "campaigns.attendance"


def refresh_counts_from_sign_in(activity_id: int) -> None:
    """Where an activity has a sign-in list, its counts are the list's: present, female, minority.

    One grouped query and one update; an activity without a list keeps its typed counts.
    """
    totals = Attendance.objects.filter(activity_id=activity_id).aggregate(
        lines=Count("id"),
        came=Count("id", filter=Q(present=True)),
        women=Count("id", filter=Q(present=True, participant__gender=Participant.Gender.FEMALE)),
        minority=Count(
            "id",
            filter=Q(present=True) & ~Q(participant__ethnicity="") & ~Q(participant__ethnicity__iexact=KINH),
        ),
    )
    if totals["lines"]:
        Activity.objects.filter(pk=activity_id).update(
            participants=totals["came"], female=totals["women"], ethnic_minority=totals["minority"]
        )


@dataclass
class NewAttendee:
    full_name: str
    gender: str
    birth_year: int | None = None
    ethnicity: str = ""
    phone: str = ""


@transaction.atomic
def record_activity(
    activity: Activity,
    *,
    user,
    present: list[Participant],
    new_attendees: list[NewAttendee],
    audiences=(),
) -> Activity:
    """Save a new activity with who came: known participants ticked, new ones added.

    New attendees are registered in the activity's commune (or its province's records
    when the activity is not in a commune). Everything is validated first and saved in
    one transaction; the audit log gets the activity and a count of the sign-in lines,
    never the names.
    """
    activity.recorded_by = user
    activity.full_clean(exclude=["client_uuid"])
    activity.audiences.set(audiences)  # a parental relation: stored by the save below
    activity.save()
    commune = activity.place
    people = list(present)
    for attendee in new_attendees:
        participant = Participant(
            full_name=attendee.full_name,
            gender=attendee.gender,
            birth_year=attendee.birth_year,
            ethnicity=attendee.ethnicity,
            phone=attendee.phone,
            commune=commune,
        )
        participant.full_clean()
        participant.save()
        people.append(participant)
    Attendance.objects.bulk_create([Attendance(activity=activity, participant=person) for person in people])
    refresh_counts_from_sign_in(activity.pk)
    activity.refresh_from_db()
    log(activity, "wagtail.create", user=user)
    if people:
        log(activity, ATTENDANCE_LOGGED, user=user, data={"present": len(people), "new": len(new_attendees)})
    return activity


def attendance_log_message(data: dict) -> str:
    return _("Sign-in list: %(present)d present, %(new)d newly registered") % {
        "present": data.get("present", 0),
        "new": data.get("new", 0),
    }
