"""Activities in and out of spreadsheets: the columns of the activity template."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns.models import Activity, ActivityKind, Audience, Campaign, Club, Organiser, Place
from campaigns.places import PlaceFinder, PlaceLookupError, lookup_place
from campaigns.resources.organisers import OrganiserWidget
from transfers.base import Column, TransferResource, column_field
from transfers.cells import format_date
from transfers.widgets import ChoiceWidget, CodeWidget, DateWidget, IntWidget, LookupWidget, find_by_key_or_name

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


def _names(queryset, attribute: str = "name") -> list[str]:
    return [str(value) for value in queryset.values_list(attribute, flat=True)[:200]]


def place_columns(required_commune: bool = False) -> list[Column]:
    return [
        Column(
            "province",
            "Tỉnh/Thành phố",
            gettext_lazy(
                "Province or city: name (with or without diacritics, “Tỉnh”/“TP.” optional) or official code."
            ),
            required=True,
            example="Thanh Hóa",
        ),
        Column(
            "district",
            "Quận/Huyện",
            gettext_lazy("District, for records before 1 July 2025 (districts were abolished then). May be empty."),
            example="",
        ),
        Column(
            "commune",
            "Xã/Phường",
            gettext_lazy("Commune or ward: name or official code. Empty when the record covers the whole province."),
            required=required_commune,
            example="Na Mèo",
        ),
    ]


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
        allowed=lambda: _names(Campaign.objects.order_by("code"), "code"),
    ),
    Column(
        "organiser",
        "Đơn vị tổ chức",
        gettext_lazy("Organisers already in the system, separated by “;”."),
        example="",
        allowed=lambda: _names(Organiser.objects.order_by("name")),
    ),
    Column(
        "audience",
        "Đối tượng",
        gettext_lazy("Audiences, separated by “;”."),
        allowed=lambda: _names(Audience.objects.order_by("name")),
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


class PlaceResolver:
    """Province, district and commune columns → the smallest place named.

    One answer per distinct triple; the province and district are looked up once per text,
    and the communes of each province (or district) are read once (`PlaceFinder`)."""

    def __init__(self):
        self.cache: dict[tuple, tuple[Place | None, dict]] = {}
        self.provinces: dict[str, Place | PlaceLookupError] = {}
        self.districts: dict[tuple[str, int], Place | PlaceLookupError] = {}
        self.communes: dict[int, PlaceFinder] = {}

    def resolve(self, row, *, commune_level: bool = True) -> tuple[Place | None, dict]:
        key = (row.get("province"), row.get("district"), row.get("commune"))
        if key not in self.cache:
            self.cache[key] = self._resolve(*key)
        return self.cache[key]

    @staticmethod
    def _remembered(cache: dict, key, find):
        if key not in cache:
            try:
                cache[key] = find()
            except PlaceLookupError as error:
                cache[key] = error
        if isinstance(cache[key], PlaceLookupError):
            raise cache[key]
        return cache[key]

    def _resolve(self, province_text, district_text, commune_text) -> tuple[Place | None, dict]:
        if province_text is None:
            return None, {"province": [_("This column is required.")]}
        try:
            text = str(province_text)
            province = self._remembered(self.provinces, text, lambda: lookup_place(text, level=Place.Level.PROVINCE))
        except PlaceLookupError as error:
            return None, {"province": [str(error)]}
        place, district = province, None
        if district_text is not None:
            try:
                text = str(district_text)
                district = place = self._remembered(
                    self.districts,
                    (text, province.pk),
                    lambda: lookup_place(text, level=Place.Level.DISTRICT, within=province),
                )
            except PlaceLookupError as error:
                return None, {"district": [str(error)]}
        if commune_text is not None:
            within = district or province
            if within.pk not in self.communes:
                self.communes[within.pk] = PlaceFinder(level=Place.Level.COMMUNE, within=within)
            try:
                place = self.communes[within.pk].find(str(commune_text))
            except PlaceLookupError as error:
                return None, {"commune": [str(error)]}
        return place, {}


def club_finder():
    find = find_by_key_or_name(Club.objects.all(), "external_id", "name")
    return find


class ActivityResource(TransferResource):
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

    external_id = column_field("external_id", CodeWidget())
    kind = column_field("kind", ChoiceWidget(ActivityKind.choices, KIND_NAMES))
    title = column_field("title")
    start_date = column_field("start_date", DateWidget())
    end_date = column_field("end_date", DateWidget())
    sessions = column_field("sessions", IntWidget())
    province = column_field("province", attribute=None)
    district = column_field("district", attribute=None)
    commune = column_field("commune", attribute=None)
    campaign = column_field(
        "campaign",
        LookupWidget(
            find_by_key_or_name(Campaign.objects.all(), "code", "name"), lambda c: c.code, gettext_lazy("campaign")
        ),
    )
    organiser = column_field("organiser", attribute=None)
    audience = column_field("audience", attribute=None)
    participants = column_field("participants", IntWidget())
    female = column_field("female", IntWidget())
    ethnic_minority = column_field("ethnic_minority", IntWidget())
    club = column_field("club", LookupWidget(club_finder(), lambda c: c.external_id or c.name, gettext_lazy("club")))
    notes = column_field("notes")

    m2m_columns = {
        "organiser": ("organisers", OrganiserWidget()),
        "audience": (
            "audiences",
            LookupWidget(find_by_key_or_name(Audience.objects.all(), "code", "name"), str, gettext_lazy("audience")),
        ),
    }

    class Meta(TransferResource.Meta):
        model = Activity
        import_id_fields = ["external_id"]
        fields = [column.key for column in ACTIVITY_COLUMNS]

    def __init__(self, user=None, **kwargs):
        super().__init__(user=user, **kwargs)
        self.places = PlaceResolver()

    def get_queryset(self):
        return Activity.objects.all()

    def import_related(self, instance, row) -> None:
        if "province" not in row:
            return
        place, errors = self.places.resolve(row)
        if errors:
            raise ValidationError(errors)
        if not self.in_scope(place.province_id):
            raise ValidationError({"province": [_("%(place)s is outside your provinces.") % {"place": place}]})
        instance.place = place
        instance.province_id, instance.district_id = place.grouping_ids()

    def before_save_instance(self, instance, row, **kwargs):
        super().before_save_instance(instance, row, **kwargs)
        if instance.pk is None:
            import uuid

            instance.client_uuid = uuid.uuid4()
            instance.recorded_by = self.user if self.user is not None and self.user.pk else None

    def export_queryset(self, queryset):
        return queryset.select_related("place__province", "place__district", "campaign", "club").prefetch_related(
            "organisers", "audiences"
        )

    def dehydrate_external_id(self, activity):
        return self.export_code(activity)

    def dehydrate_province(self, activity):
        return activity.place.province.short_name if activity.place.province_id else activity.place.short_name

    def dehydrate_district(self, activity):
        place = activity.place
        if place.level == Place.Level.DISTRICT:
            return place.name
        return place.district.name if place.district_id else ""

    def dehydrate_commune(self, activity):
        return activity.place.name if activity.place.level == Place.Level.COMMUNE else ""

    def dehydrate_organiser(self, activity):
        return "; ".join(organiser.name for organiser in activity.organisers.all())

    def dehydrate_audience(self, activity):
        return "; ".join(audience.name for audience in activity.audiences.all())

    def change_label(self, instance) -> str:
        return f"{instance.external_id or ''} · {instance.title} · {format_date(instance.start_date)}"
