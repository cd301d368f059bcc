"""Participants and sign-in lists in and out of spreadsheets (personal data: managers export it).

A row is a person; with an activity code it is also a line of that activity's sign-in
list, and with a club code the person is a member of that club. A person without a code
is matched by name, year of birth and commune, so a list typed in twice adds nobody twice.
"""

from __future__ import annotations

from collections import Counter

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.instance_loaders import ModelInstanceLoader
from wagtail.log_actions import log

from campaigns.models import Activity, Audience, Club
from campaigns.resources.lookups import audience_widget
from campaigns.rules import WriteRefused
from campaigns.services import write_lines
from core.cells import parse_int
from core.text import ascii_key
from places.models import Place
from trainings import members
from trainings.models import Attendance, ClubMember, Participant
from trainings.services import ATTENDANCE_LOGGED, COUNTED_DETAILS, lists_holding
from transfers.base import Column, TransferResource, allowed_names, column_field
from transfers.placed import PlaceResolver
from transfers.widgets import ChoiceWidget, CodeWidget, IntWidget, find_by_key_or_name

GENDER_NAMES = {Participant.Gender.FEMALE: "Nữ", Participant.Gender.MALE: "Nam", Participant.Gender.OTHER: "Khác"}
YES = {"x", "co", "1", "yes", "true", "v", "✓", "✔"}
NO = {"khong", "0", "no", "false", "vang"}

PARTICIPANT_COLUMNS = [
    Column("id", "Mã", gettext_lazy("Empty for a person not yet registered; “#123” (as exported) for person 123.")),
    Column("full_name", "Họ và tên", gettext_lazy("Full name."), True, "Lò Thị Mai"),
    Column(
        "gender",
        "Giới tính",
        gettext_lazy("Gender."),
        example="Nữ",
        allowed=lambda: list(GENDER_NAMES.values()),
    ),
    Column("birth_year", "Năm sinh", gettext_lazy("Year of birth."), example=1995),
    Column("ethnicity", "Dân tộc", gettext_lazy("Ethnicity, e.g. Kinh, Thái, Mường, Mông."), example="Thái"),
    Column("province", "Tỉnh/Thành phố", gettext_lazy("Province where the person lives."), True, "Thanh Hóa"),
    Column("commune", "Xã/Phường", gettext_lazy("Commune or ward where the person lives."), example="Na Mèo"),
    Column(
        "audience",
        "Đối tượng",
        gettext_lazy("Audience the person belongs to."),
        allowed=lambda: allowed_names(Audience.objects.order_by("name")),
    ),
    Column("phone", "Điện thoại", gettext_lazy("Phone number (optional).")),
    Column(
        "activity",
        "Mã hoạt động",
        gettext_lazy("Code of the activity whose sign-in list this line belongs to (as on the printed sheet)."),
        example="TH-2025-001",
    ),
    Column(
        "present",
        "Có mặt",
        gettext_lazy("“x” or “có” when present (the default when an activity is given); “không” when absent."),
        example="x",
        allowed=lambda: ["x", "có", "không"],
    ),
    Column("club", "Câu lạc bộ", gettext_lazy("Code or name of a club the person is a member of.")),
]


def parse_present(value) -> bool:
    if value is None:
        return True
    key = ascii_key(str(value))
    if key in YES:
        return True
    if key in NO:
        return False
    raise ValueError(
        _("“%(value)s” is not allowed here. Allowed: %(allowed)s.") % {"value": value, "allowed": "x, có, không"}
    )


class ParticipantResource(TransferResource):
    columns = PARTICIPANT_COLUMNS
    permission_model = Participant
    sensitive = True
    update_fields = ["full_name", "gender", "birth_year", "ethnicity", "commune", "province", "audience", "phone"]
    error_columns = {"commune": "commune"}

    id = column_field("id", CodeWidget(), attribute=None)
    full_name = column_field("full_name")
    gender = column_field(
        "gender", ChoiceWidget(Participant.Gender.choices, GENDER_NAMES, default=Participant.Gender.OTHER)
    )
    birth_year = column_field("birth_year", IntWidget())
    ethnicity = column_field("ethnicity")
    province = column_field("province", attribute=None)
    commune = column_field("commune", attribute=None)
    audience = column_field("audience", audience_widget())
    phone = column_field("phone")
    activity = column_field("activity", attribute=None)
    present = column_field("present", attribute=None)
    club = column_field("club", attribute=None)

    class Meta(TransferResource.Meta):
        model = Participant
        import_id_fields = ["id"]
        fields = [column.key for column in PARTICIPANT_COLUMNS]
        use_bulk = False  # sign-in lists are short; each saved person is needed for the next line
        instance_loader_class = ModelInstanceLoader

    def __init__(self, user=None, **kwargs):
        super().__init__(user=user, **kwargs)
        self.places = PlaceResolver()
        self.activities: dict[str, Activity | None] = {}
        self.clubs: dict[str, Club | None] = {}
        # Per activity whose sign-in list the file changed: lines, present, newly registered.
        self.touched_activities: dict[int, Counter] = {}
        self.touched_clubs: set[int] = set()
        # Per club: why a member joining today is refused ([] when allowed). Every row of a file
        # joins on the same day, so the records' rules are asked once per club, not per row.
        self.joining_refused: dict[int, list[str]] = {}
        self.pending_lines: dict[tuple[int, int], bool] = {}  # (activity, person) → present
        self.recounted_people: set[int] = set()  # known people whose counted details changed
        self.for_activity: Activity | None = None  # exporting one activity's sign-in list

    def get_queryset(self):
        return Participant.objects.all()

    def get_or_init_instance(self, instance_loader, row):
        instance = self.find_person(row)
        return (instance, False) if instance else (self.init_instance(row), True)

    def find_person(self, row) -> Participant | None:
        # Only people the user may see are found: someone registered in another province
        # gets the answer of someone who does not exist (the province is refused, or the
        # number is unknown), never one that tells them apart.
        people = self.scope_queryset(Participant.objects.all())
        code = row.get("id")
        if isinstance(code, str) and code.startswith("#") and code[1:].isdigit():
            return people.filter(pk=int(code[1:])).first()
        place, errors = self.places.resolve(row)
        if errors or row.get("full_name") is None:
            return None
        try:
            birth_year = parse_int(row.get("birth_year"))
        except ValueError:
            return None
        return (
            people.filter(full_name__iexact=row["full_name"], birth_year=birth_year, commune=place)
            .order_by("pk")
            .first()
        )

    def import_instance(self, instance, row, **kwargs):
        code = row.get("id")
        errors = {}
        if isinstance(code, str) and code.startswith("#") and not hasattr(instance, "_snapshot"):
            errors["id"] = [_("No record has the number %(code)s.") % {"code": code}]
        try:
            super().import_instance(instance, {**row, "id": None} if code else row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        instance._links = {}
        try:
            self.import_links(instance, row)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def import_related(self, instance, row) -> None:
        place, errors = self.places.resolve(row)
        if errors:
            raise ValidationError(errors)
        if not self.in_scope(place.province_id):
            raise ValidationError({"province": [_("%(place)s is outside your provinces.") % {"place": place}]})
        instance.commune = place
        instance.province_id = place.province_id

    def _find_scoped(self, cache, queryset, text, what):
        if text not in cache:
            finder = find_by_key_or_name(self.scope_records(queryset), "external_id", *what[1:])
            if text.startswith("#") and text[1:].isdigit():
                cache[text] = self.scope_records(queryset).filter(pk=int(text[1:])).first()
            else:
                cache[text] = finder(text)
        return cache[text]

    def scope_records(self, queryset):
        return queryset if self.user is None else queryset.for_user(self.user)

    def import_links(self, instance, row) -> None:
        errors = {}
        activity_code = row.get("activity")
        if activity_code is not None:
            activity = self._find_scoped(self.activities, Activity.objects.all(), str(activity_code), ("",))
            if activity is None:
                errors["activity"] = [
                    _("No activity with the code “%(code)s” in your provinces.") % {"code": activity_code}
                ]
            else:
                try:
                    instance._links["activity"] = (activity.pk, parse_present(row.get("present")))
                except ValueError as error:
                    errors["present"] = [str(error)]
        club_code = row.get("club")
        if club_code is not None:
            club = self._find_scoped(self.clubs, Club.objects.all(), str(club_code), ("", "name"))
            if club is None:
                errors["club"] = [_("No club “%(code)s” in your provinces.") % {"code": club_code}]
            else:
                instance._links["club"] = club.pk
                joining = not (
                    instance.pk and ClubMember.objects.current().filter(club=club, participant=instance).exists()
                )
                if joining and self._joining_refused(club):
                    errors["club"] = self.joining_refused[club.pk]
        if errors:
            raise ValidationError(errors)

    def _joining_refused(self, club: Club) -> list[str]:
        """Why a member joining `club` today is refused (a locked period), asked once per club."""
        if club.pk not in self.joining_refused:
            try:
                members.check(club, [None], user=self.user)
                self.joining_refused[club.pk] = []
            except WriteRefused as refused:
                self.joining_refused[club.pk] = [message for _field, message in refused.by_field()]
        return self.joining_refused[club.pk]

    def changed_columns(self, instance) -> list[str]:
        changed = super().changed_columns(instance)
        links = instance._links
        if "activity" in links:
            activity_id, present = links["activity"]
            line = Attendance.objects.filter(activity_id=activity_id, participant=instance).first()
            if line is None or line.present != present:
                changed.append("activity")
        if (
            "club" in links
            and not ClubMember.objects.current().filter(club_id=links["club"], participant=instance).exists()
        ):
            changed.append("club")
        return changed

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        links = getattr(instance, "_links", {})
        if "activity" in links:
            activity_id, present = links["activity"]
            # Written with the chunk's other lines, through the activities' service (after_import).
            self.pending_lines[(activity_id, instance.pk)] = present
            tally = self.touched_activities.setdefault(activity_id, Counter())
            tally.update(lines=1, present=int(bool(present)), new=int(getattr(instance, "_imported_new", False)))
        if "club" in links:
            if not ClubMember.objects.current().filter(club_id=links["club"], participant=instance).exists():
                members.apply(Club(pk=links["club"]), joining=[instance.pk])
            self.touched_clubs.add(links["club"])

    def after_import(self, dataset, result, **kwargs):
        if not (result.has_errors() or result.has_validation_errors()):
            lines, self.pending_lines = self.pending_lines, {}
            activity_ids = {activity_id for activity_id, _person in lines}
            # A known person's gender or ethnicity changed: the lists holding them are recounted.
            activity_ids |= lists_holding(self.recounted_people)
            try:
                # The activities' rules hold for their lines too; their counts follow the lists.
                write_lines(activity_ids, user=self.user, write=lambda: store_lines(lines))
            except WriteRefused as refused:
                raise LinesRefused(refused) from None
            # A member list changed: a club form opened before the import is now stale.
            Club.objects.filter(pk__in=self.touched_clubs).touch()
        super().after_import(dataset, result, **kwargs)

    def save_instance(self, instance, is_create, row, **kwargs):
        instance._imported_new = is_create
        before = getattr(instance, "_snapshot", None)
        if before and any(getattr(instance, name) != before[name] for name in COUNTED_DETAILS):
            self.recounted_people.add(instance.pk)
        super().save_instance(instance, is_create, row, **kwargs)

    def log_extra(self, user) -> None:
        """Each activity whose sign-in list the import changed gets the entry the phone form
        writes: how many are present and newly registered, never who."""
        for activity in Activity.objects.filter(pk__in=list(self.touched_activities)):
            tally = self.touched_activities[activity.pk]
            log(activity, ATTENDANCE_LOGGED, user=user, data={"present": tally["present"], "new": tally["new"]})

    def export_queryset(self, queryset):
        return queryset.select_related("commune__province", "audience")

    def dehydrate_id(self, person):
        return f"#{person.pk}"

    def dehydrate_province(self, person):
        return person.commune.province.short_name if person.commune.province_id else person.commune.short_name

    def dehydrate_commune(self, person):
        return person.commune.name if person.commune.level == Place.Level.COMMUNE else ""

    def dehydrate_activity(self, person):
        return (self.for_activity.external_id or f"#{self.for_activity.pk}") if self.for_activity else ""

    def dehydrate_present(self, person):
        if self.for_activity is None:
            return ""
        if getattr(self, "_present", None) is None:  # the whole list in one query
            self._present = dict(
                Attendance.objects.filter(activity=self.for_activity).values_list("participant_id", "present")
            )
        return "x" if self._present.get(person.pk, True) else "không"

    def dehydrate_club(self, person):
        return ""


class LinesRefused(Exception):
    """A rule of the activities refused the lines the file gives them: the file is refused."""

    def __init__(self, refused: WriteRefused):
        super().__init__(
            " ".join(
                _("Activity %(code)s: %(message)s")
                % {"code": write.activity.external_id or f"#{write.activity.pk}", "message": message}
                for write in refused.writes
                for messages in write.errors.values()
                for message in messages
            )
        )


def store_lines(lines: dict[tuple[int, int], bool]) -> None:
    """Sign-in lines (activity, person) → present, added or changed in three queries."""
    if not lines:
        return
    activity_ids = {activity_id for activity_id, _person in lines}
    person_ids = {person for _activity, person in lines}
    existing = {
        (line.activity_id, line.participant_id): line
        for line in Attendance.objects.filter(activity_id__in=activity_ids, participant_id__in=person_ids)
    }
    changed, new = [], []
    for key, present in lines.items():
        line = existing.get(key)
        if line is None:
            new.append(Attendance(activity_id=key[0], participant_id=key[1], present=present))
        elif line.present != present:
            line.present = present
            changed.append(line)
    Attendance.objects.bulk_create(new)
    if changed:
        Attendance.objects.bulk_update(changed, ["present"])


def sign_in_queryset(activity: Activity):
    """The people on an activity's sign-in list, for exporting it in the template's columns."""
    return Participant.objects.filter(Q(attendances__activity=activity)).distinct()
