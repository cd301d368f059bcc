"""Writes that span models: recording an activity with its sign-in list, and changing people
whom sign-in lists count."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from campaigns.models import Activity
from campaigns.services import save_activity, write_lines
from trainings.models import Attendance, Participant

ATTENDANCE_LOGGED = "campaigns.attendance"
# A person's details that the sign-in lists' counts read (trainings.rules.SignInCounts).
COUNTED_DETAILS = ("gender", "ethnicity")


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
    one transaction through campaigns.services (its rules: the counts are the list's);
    the audit log gets the activity and a count of the sign-in lines, never the names.
    """
    activity.recorded_by = user
    activity.full_clean(exclude=["client_uuid"])
    activity.audiences.set(audiences)  # a parental relation: stored by the save below
    people = list(present)
    for attendee in new_attendees:
        participant = Participant(
            full_name=attendee.full_name,
            gender=attendee.gender,
            birth_year=attendee.birth_year,
            ethnicity=attendee.ethnicity,
            phone=attendee.phone,
            commune=activity.place,
        )
        participant.full_clean()
        participant.save()  # one by one: the search index follows each person's save
        people.append(participant)
    save_activity(activity, user=user, lines=[Attendance(participant=person) for person in people])
    if people:
        log(activity, ATTENDANCE_LOGGED, user=user, data={"present": len(people), "new": len(new_attendees)})
    return activity


def attendance_log_message(data: dict) -> str:
    return _("Sign-in list: %(present)d present, %(new)d newly registered") % {
        "present": data.get("present", 0),
        "new": data.get("new", 0),
    }


def lists_holding(people: Iterable[int]) -> set[int]:
    """The activities whose sign-in lists hold any of these people (one query)."""
    people = list(people)
    if not people:
        return set()
    return set(Attendance.objects.filter(participant_id__in=people).values_list("activity_id", flat=True))


def change_people(people: Iterable[int], *, user, write: Callable[[], None]) -> None:
    """People whom sign-in lists count change (their gender or ethnicity, COUNTED_DETAILS):
    `write` stores them through campaigns' write path for the activities whose lists hold
    them (`write_lines`), so that the rules check those activities first (a locked period
    refuses) and their counts are the lists' again after, each version moved once."""
    write_lines(lists_holding(people), user=user, write=write)
