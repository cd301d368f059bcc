"""One recorded activity arriving from the phone, by the form post or by the offline queue's JSON.

Both paths validate through the same Django forms (RecordActivityForm, NewAttendeeFormSet)
and save through `record_activity`, so neither can store what the other would refuse.
A submission carries the UUID the phone made for it: the same record sent twice is stored
once, and a different record under a UUID the account already used is a conflict, never an
overwrite. The key is (account, UUID): another account's UUID is as good as a fresh one.
"""

import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from campaigns.models import Activity
from campaigns.rules import WriteRefused
from trainings import conf
from trainings.forms import NewAttendeeForm, NewAttendeeFormSet, RecordActivityForm
from trainings.services import record_activity

# Plain fields of a JSON submission: the phone form's own, so the two never drift apart.
SIMPLE_FIELDS = tuple(RecordActivityForm.Meta.fields)
ATTENDEE_FIELDS = tuple(NewAttendeeForm.base_fields)


def parse_uuid(value) -> uuid.UUID | None:
    """The UUID in `value`, or None when it is missing or not a UUID."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        return None


class Unreadable(ValueError):
    """A part of a submission that cannot be read: the whole record is refused with the reasons."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(" ".join(errors.values()))
        self.errors = errors


SCALARS = (str, int, float)
LIST_FIELDS = ("audiences", "present")


def _scalar(value) -> bool:
    # A JSON true/false is no count, no name and no choice.
    return value is None or (isinstance(value, SCALARS) and not isinstance(value, bool))


def _unreadable(payload: dict) -> dict[str, str]:
    """Every part of `payload` that cannot be read, each with the reason in the reader's language."""
    known = {*SIMPLE_FIELDS, *LIST_FIELDS, "client_uuid", "new", "confirm_counts"}
    errors = {name: _("Unknown part of the record: not read.") for name in payload if name not in known}
    if payload.get("confirm_counts") not in (None, True, False):
        errors["confirm_counts"] = _("The confirmation of the numbers is not readable.")
    for name in SIMPLE_FIELDS:
        if not _scalar(payload.get(name)):
            errors[name] = _("%(field)s: not readable (one value expected).") % {"field": _label(name)}
    for name in LIST_FIELDS:
        values = payload.get(name)
        if values is not None and not (isinstance(values, list) and all(_scalar(v) for v in values)):
            errors[name] = _("%(field)s: not readable (a list of codes expected).") % {"field": _label(name)}
    rows = payload.get("new")
    if rows is not None and not (isinstance(rows, list) and all(_readable_row(row) for row in rows)):
        errors["new"] = _("List of new attendees: not readable (a list of rows expected).")
    return errors


def _readable_row(row) -> bool:
    return isinstance(row, dict) and all(name in ATTENDEE_FIELDS and _scalar(v) for name, v in row.items())


def _label(name: str) -> str:
    field = RecordActivityForm.base_fields.get(name)
    return str(field.label).capitalize() if field is not None and field.label else name


def form_data_from_json(payload: dict) -> QueryDict:
    """The JSON the offline queue sends, as the form post the same record would be.

    Raises `Unreadable` when any part is not what the phone form sends (a sign-in list that
    is not a list of rows, a count that is a list…): nothing of the record is stored then.
    """
    errors = _unreadable(payload)
    if errors:
        raise Unreadable(errors)
    data = QueryDict(mutable=True)
    for name in SIMPLE_FIELDS:
        value = payload.get(name)
        if value is not None:
            data[name] = str(value)
    data["client_uuid"] = str(payload.get("client_uuid") or "")
    if payload.get("confirm_counts"):
        data["confirm_counts"] = "on"
    for name in LIST_FIELDS:
        data.setlist(name, [str(value) for value in payload.get(name) or [] if value is not None])
    rows = payload.get("new") or []
    data["new-TOTAL_FORMS"] = str(len(rows))
    data["new-INITIAL_FORMS"] = "0"
    data["new-MIN_NUM_FORMS"] = "0"
    data["new-MAX_NUM_FORMS"] = str(conf.max_new_attendees())
    for index, row in enumerate(rows):
        for name in ATTENDEE_FIELDS:
            value = row.get(name)
            data[f"new-{index}-{name}"] = "" if value is None else str(value)
    return data


@dataclass
class Outcome:
    """What became of a submission: stored now, stored before, a conflict, or refused."""

    activity: Activity | None = None
    already: bool = False
    conflict: bool = False
    form: RecordActivityForm | None = None
    attendees: object = None

    @property
    def refused(self) -> bool:
        return self.activity is None and not self.conflict


def stored_with(key: uuid.UUID, user) -> Activity | None:
    """The activity this account sent under `key`. A UUID is the account's own: another
    account's use of it is invisible here, so the answer can tell nobody that it was used."""
    return Activity.objects.filter(client_uuid=key, recorded_by=user).first()


def new_attendees(attendees) -> list:
    """The filled rows of a validated attendee formset (a row left blank is no one)."""
    return [row.attendee() for row in attendees.forms if row.has_changed() and row.cleaned_data.get("full_name")]


def submit(data, *, user) -> Outcome:
    """Validate and store one recording (`data` as a form post); idempotent by its UUID."""
    form = RecordActivityForm(data, user=user)
    attendees = NewAttendeeFormSet(data, prefix="new")
    key = parse_uuid(data.get("client_uuid"))
    if key is not None:
        existing = stored_with(key, user)
        if existing is not None:
            return _compare(existing, form, attendees, user)
    if not (form.is_valid() and attendees.is_valid()):
        return Outcome(form=form, attendees=attendees)
    activity = form.save(commit=False)
    activity.client_uuid = form.cleaned_data.get("client_uuid") or None
    new = new_attendees(attendees)
    try:
        with transaction.atomic():
            activity = record_activity(
                activity,
                user=user,
                present=list(form.cleaned_data["present"]),
                new_attendees=new,
                audiences=form.cleaned_data["audiences"],
            )
    except IntegrityError:
        # The same UUID arrived twice at once: the other request stored it first.
        existing = stored_with(key, user) if key else None
        if existing is None:
            raise
        return _compare(existing, form, attendees, user)
    except WriteRefused as refused:
        for name, message in refused.by_field():
            form.add_error(name if name in form.fields else None, message)
        return Outcome(form=form, attendees=attendees)
    except ValidationError as error:
        form.add_error(None, error)
        return Outcome(form=form, attendees=attendees)
    return Outcome(activity=activity)


def _compare(existing: Activity, form, attendees, user) -> Outcome:
    """A UUID already stored: the same record again (perhaps edited since), or a different one (a conflict)."""
    same = (
        form.is_valid()
        and attendees.is_valid()
        and submitted_fingerprint(form, attendees) == stored_fingerprint(existing)
    )
    # Changed since it was recorded (in the office, on another screen): the phone's copy is
    # the older one. It was stored; the edit made meanwhile stands.
    if same or edited_since_recorded(existing):
        return Outcome(activity=existing, already=True)
    return Outcome(conflict=True)


def edited_since_recorded(activity: Activity) -> bool:
    """Whether anyone changed the activity after it was recorded (every edit is logged)."""
    return ModelLogEntry.objects.for_instance(activity).filter(action="wagtail.edit").exists()


def _common(kind, title, start_date, place_id, campaign_id, club_id, notes, audiences, names, counts) -> tuple:
    text = (kind, title.strip(), notes.strip())
    return (*text, start_date, place_id, campaign_id, club_id, sorted(audiences), names, counts)


def stored_fingerprint(activity: Activity) -> tuple:
    """What identifies a stored recording's content: its fields, audiences and who came."""
    names = sorted(activity.attendances.filter(present=True).values_list("participant__full_name", flat=True))
    counts = None if names else (activity.participants, activity.female, activity.ethnic_minority)
    return _common(
        activity.kind,
        activity.title,
        activity.start_date,
        activity.place_id,
        activity.campaign_id,
        activity.club_id,
        activity.notes,
        activity.audiences.values_list("pk", flat=True),
        names,
        counts,
    )


def submitted_fingerprint(form: RecordActivityForm, attendees) -> tuple:
    """The same as `stored_fingerprint`, for a validated submission not yet stored."""
    data = form.cleaned_data
    names = [person.full_name for person in data["present"]]
    names += [attendee.full_name for attendee in new_attendees(attendees)]
    names.sort()
    counts = None if names else (data.get("participants"), data.get("female"), data.get("ethnic_minority"))
    return _common(
        data["kind"],
        data["title"],
        data["start_date"],
        data["place"].pk if data.get("place") else None,
        data["campaign"].pk if data.get("campaign") else None,
        data["club"].pk if data.get("club") else None,
        data.get("notes") or "",
        [audience.pk for audience in data["audiences"]],
        names,
        counts,
    )
