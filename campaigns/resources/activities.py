"""Activities in and out of spreadsheets: the columns of the activity template."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy

from campaigns.models import Activity, ActivityKind, Audience, Campaign, Organiser
from campaigns.resources.lookups import audience_widget, campaign_widget, club_widget
from campaigns.resources.organisers import OrganiserWidget
from campaigns.rules import WriteRefused
from campaigns.services import check_activities, write_activities
from core.cells import format_date
from transfers.base import Column, allowed_names, column_field
from transfers.chunks import RowsRefused
from transfers.placed import PlacedResource, place_columns
from transfers.widgets import ChoiceWidget, CodeWidget, DateWidget, IntWidget

# The names the provincial reports use for each kind (what the file shows and accepts).
KIND_NAMES = {
    ActivityKind.TRAINING: "Lớp tập huấn",
    ActivityKind.COMMUNITY: "Buổi truyền thông",
    ActivityKind.CLUB_MEETING: "Sinh hoạt CLB",
    ActivityKind.FAIR: "Phiên chợ truyền thông",
    ActivityKind.CONTEST: "Hội thi",
    ActivityKind.RESIDENTS_MEETING: "Họp dân",
    ActivityKind.INSPECTION: "Kiểm tra, giám sát",
    ActivityKind.OTHER: "Khác",
}


ACTIVITY_COLUMNS = [
    Column(
        "external_id",
        "Mã",
        gettext_lazy(
            "Your own code for the activity, unique (e.g. TH-2025-001). A row with a code already imported "
            "updates that activity; “#123” stands for activity number 123 when it has no code."
        ),
        required=True,
        example="TH-2025-001",
    ),
    Column(
        "kind",
        "Loại hoạt động",
        gettext_lazy("The kind of activity."),
        required=True,
        example=KIND_NAMES[ActivityKind.COMMUNITY],
        allowed=lambda: list(KIND_NAMES.values()),
    ),
    Column("title", "Tên hoạt động", gettext_lazy("Title."), required=True, example="Truyền thông di cư an toàn"),
    Column("start_date", "Từ ngày", gettext_lazy("Date (dd/mm/yyyy)."), required=True, example="01/08/2025"),
    Column("end_date", "Đến ngày", gettext_lazy("Last date, for a batch of sessions over a period."), example=""),
    Column(
        "sessions",
        "Số buổi",
        gettext_lazy("1 for one session; N for a line of a report that gives only a total; empty when unknown."),
        example=1,
    ),
    *place_columns(),
    Column(
        "campaign",
        "Chương trình",
        gettext_lazy("Code or name of a campaign already in the system."),
        allowed=lambda: allowed_names(Campaign.objects.order_by("code"), "code"),
    ),
    Column(
        "organiser",
        "Đơn vị tổ chức",
        gettext_lazy("Organisers already in the system, separated by “;”."),
        example="",
        allowed=lambda: allowed_names(Organiser.objects.order_by("name")),
    ),
    Column(
        "audience",
        "Đối tượng",
        gettext_lazy("Audiences, separated by “;”."),
        allowed=lambda: allowed_names(Audience.objects.order_by("name")),
    ),
    Column(
        "participants",
        "Số lượt tham dự",
        gettext_lazy("Person-times; empty when unknown (not zero). “2.890” = 2890."),
        example=45,
    ),
    Column("female", "Trong đó nữ", gettext_lazy("Of whom women; at most the participants."), example=40),
    Column(
        "ethnic_minority",
        "Trong đó dân tộc thiểu số",
        gettext_lazy("Of whom ethnic minority; at most the participants."),
        example="",
    ),
    Column("club", "Câu lạc bộ", gettext_lazy("For a club meeting: the club's code or name."), example=""),
    Column("notes", "Ghi chú", gettext_lazy("Notes."), example=""),
]


class ActivityResource(PlacedResource):
    """An activity, placed by its province, district and commune columns (grouped by both)."""

    columns = ACTIVITY_COLUMNS
    permission_model = Activity
    update_fields = [
        "kind",
        "title",
        "start_date",
        "end_date",
        "sessions",
        "place",
        "province",
        "district",
        "campaign",
        "club",
        "participants",
        "female",
        "ethnic_minority",
        "notes",
    ]
    error_columns = {"place": "commune", "organisers": "organiser", "audiences": "audience"}
    logs_own_writes = True

    external_id = column_field("external_id", CodeWidget())
    kind = column_field("kind", ChoiceWidget(ActivityKind.choices, KIND_NAMES))
    title = column_field("title")
    start_date = column_field("start_date", DateWidget())
    end_date = column_field("end_date", DateWidget())
    sessions = column_field("sessions", IntWidget())
    campaign = column_field("campaign", campaign_widget())
    organiser = column_field("organiser", attribute=None)
    audience = column_field("audience", attribute=None)
    participants = column_field("participants", IntWidget())
    female = column_field("female", IntWidget())
    ethnic_minority = column_field("ethnic_minority", IntWidget())
    club = column_field("club", club_widget())
    notes = column_field("notes")

    m2m_columns = {
        "organiser": ("organisers", OrganiserWidget()),
        "audience": ("audiences", audience_widget()),
    }

    class Meta(PlacedResource.Meta):
        model = Activity
        import_id_fields = ["external_id"]
        fields = [column.key for column in ACTIVITY_COLUMNS]

    def get_queryset(self):
        return Activity.objects.all()

    def place_record(self, instance, place) -> None:
        instance.place = place
        instance.province_id, instance.district_id = place.grouping_ids()

    def before_save_instance(self, instance, row, **kwargs):
        super().before_save_instance(instance, row, **kwargs)
        if instance.pk is None:
            instance.recorded_by = self.user if self.user is not None and self.user.pk else None

    def save_instance(self, instance, is_create, row, **kwargs):
        instance._row_index = kwargs.get("row_number", 1)  # its place in the chunk, for refusals
        super().save_instance(instance, is_create, row, **kwargs)

    # Written through campaigns.services, as every other way of recording an activity: its
    # rules check the rows (a dry run too), and it writes the rows, their links and the log.

    def check_chunk(self) -> list[tuple[int, ValidationError]]:
        writes = check_activities(self.create_instances, self.update_instances, user=self.user)
        for write in writes:
            for key, message in write.notes:
                self.note_row(write.activity, key, message)
        return [(write.activity._row_index, ValidationError(write.errors)) for write in writes if write.refused]

    def note_row(self, instance, key: str, message: str) -> None:
        index = instance._row_index
        number = self.row_numbers[index - 1] if index <= len(self.row_numbers) else index + 1
        if len(self.warnings) < 100:
            self.warnings.append((number, self.column_header(key) or key, message))

    def _write_chunk(self) -> None:
        try:
            write_activities(
                self.create_instances,
                self.update_instances,
                user=self.user,
                fields=self.get_bulk_update_fields(),
                log_data={"source": "import"},
                batch_size=self._meta.batch_size,
                before_rules=self.write_links,
            )
        except WriteRefused as refused:
            raise RowsRefused([(w.activity._row_index, ValidationError(w.errors)) for w in refused.writes]) from None

    def row_warnings(self, instance) -> list[tuple[str, str]]:
        return [("participants", warning) for warning in instance.count_warnings()]

    def export_queryset(self, queryset):
        return queryset.select_related("place__province", "place__district", "campaign", "club").prefetch_related(
            "organisers", "audiences"
        )

    def dehydrate_external_id(self, activity):
        return self.export_code(activity)

    def dehydrate_organiser(self, activity):
        return "; ".join(organiser.name for organiser in activity.organisers.all())

    def dehydrate_audience(self, activity):
        return "; ".join(audience.name for audience in activity.audiences.all())

    def change_label(self, instance) -> str:
        return f"{instance.external_id or ''} · {instance.title} · {format_date(instance.start_date)}"
