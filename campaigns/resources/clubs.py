"""Clubs, campaigns and targets in and out of spreadsheets."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.instance_loaders import ModelInstanceLoader

from campaigns.models import ActivityKind, Audience, Campaign, Club, Organiser, Place, Target
from campaigns.resources.activities import KIND_NAMES, PlaceResolver, _names, place_columns
from campaigns.resources.organisers import OrganiserWidget
from transfers.base import Column, TransferResource, column_field
from transfers.widgets import ChoiceWidget, CodeWidget, DateWidget, IntWidget, LookupWidget, find_by_key_or_name

CLUB_STATUS_NAMES = {Club.Status.ACTIVE: "Đang hoạt động", Club.Status.CLOSED: "Ngừng hoạt động"}
MEASURE_NAMES = {
    Target.Measure.SESSIONS: "Số buổi",
    Target.Measure.PARTICIPANTS: "Số lượt người tham dự",
    Target.Measure.FEMALE: "Số lượt nữ tham dự",
    Target.Measure.UNIQUE_PARTICIPANTS: "Số người tham dự",
    Target.Measure.CLUBS: "Số câu lạc bộ hoạt động",
    Target.Measure.CLUB_MEMBERS: "Số thành viên câu lạc bộ",
    Target.Measure.LEAFLETS: "Số tờ rơi cấp phát",
}


def campaign_widget() -> LookupWidget:
    return LookupWidget(
        find_by_key_or_name(Campaign.objects.all(), "code", "name"), lambda c: c.code, gettext_lazy("campaign")
    )


def organiser_widget() -> LookupWidget:
    return OrganiserWidget()


class PlacedResource(TransferResource):
    """A record placed by province, district and commune columns."""

    place_attribute = "place"

    class Meta(TransferResource.Meta):
        abstract = True

    def __init__(self, user=None, **kwargs):
        super().__init__(user=user, **kwargs)
        self.places = PlaceResolver()

    def import_related(self, instance, row) -> None:
        if "province" not in row:
            return
        place, errors = self.places.resolve(row)
        if errors:
            raise ValidationError(errors)
        if not self.in_scope(place.province_id):
            raise ValidationError({"province": [_("%(place)s is outside your provinces.") % {"place": place}]})
        setattr(instance, self.place_attribute, place)
        instance.province_id = place.province_id

    def place_of(self, instance) -> Place:
        return getattr(instance, self.place_attribute)

    def dehydrate_province(self, instance):
        place = self.place_of(instance)
        return place.province.short_name if place.province_id else place.short_name

    def dehydrate_district(self, instance):
        place = self.place_of(instance)
        if place.level == Place.Level.DISTRICT:
            return place.name
        return place.district.name if place.district_id else ""

    def dehydrate_commune(self, instance):
        place = self.place_of(instance)
        return place.name if place.level == Place.Level.COMMUNE else ""


CLUB_COLUMNS = [
    Column("external_id", "Mã", gettext_lazy("Your own code for the club, unique (e.g. CLB-NM-01)."), True, "CLB-01"),
    Column("name", "Tên câu lạc bộ", gettext_lazy("Name."), True, "CLB phòng, chống mua bán người xã Na Mèo"),
    *place_columns(),
    Column("founded_on", "Ngày thành lập", gettext_lazy("Date (dd/mm/yyyy)."), example="15/03/2024"),
    Column(
        "organiser",
        "Đơn vị tổ chức",
        gettext_lazy("Organiser already in the system."),
        allowed=lambda: _names(Organiser.objects.order_by("name")),
    ),
    Column("campaign", "Chương trình", gettext_lazy("Code or name of a campaign already in the system.")),
    Column(
        "status",
        "Tình trạng",
        gettext_lazy("Whether the club still meets."),
        example=CLUB_STATUS_NAMES[Club.Status.ACTIVE],
        allowed=lambda: list(CLUB_STATUS_NAMES.values()),
    ),
    Column(
        "member_count",
        "Số thành viên",
        gettext_lazy("When no member list is kept; empty when unknown. Members by name: the participants file."),
        example=25,
    ),
    Column("notes", "Ghi chú", gettext_lazy("Notes.")),
]


class ClubResource(PlacedResource):
    columns = CLUB_COLUMNS
    permission_model = Club
    update_fields = [
        "name",
        "place",
        "province",
        "founded_on",
        "organiser",
        "campaign",
        "status",
        "member_count",
        "notes",
    ]
    error_columns = {"place": "commune"}

    external_id = column_field("external_id", CodeWidget())
    name = column_field("name")
    province = column_field("province", attribute=None)
    district = column_field("district", attribute=None)
    commune = column_field("commune", attribute=None)
    founded_on = column_field("founded_on", DateWidget())
    organiser = column_field("organiser", organiser_widget())
    campaign = column_field("campaign", campaign_widget())
    status = column_field("status", ChoiceWidget(Club.Status.choices, CLUB_STATUS_NAMES, default=Club.Status.ACTIVE))
    member_count = column_field("member_count", IntWidget())
    notes = column_field("notes")

    class Meta(TransferResource.Meta):
        model = Club
        import_id_fields = ["external_id"]
        fields = [column.key for column in CLUB_COLUMNS]

    def get_queryset(self):
        return Club.objects.all()

    def export_queryset(self, queryset):
        return queryset.select_related("place__province", "place__district", "organiser", "campaign")

    def dehydrate_external_id(self, club):
        return self.export_code(club)


CAMPAIGN_COLUMNS = [
    Column("code", "Mã", gettext_lazy("Short, stable code (letters, digits, “-”), e.g. DHPNBC-2025."), True, "KH-2025"),
    Column("name", "Tên chương trình", gettext_lazy("Name of the programme, project or plan."), True, "Kế hoạch 2025"),
    Column("description", "Mô tả", gettext_lazy("Description.")),
    Column("start_date", "Từ ngày", gettext_lazy("Date (dd/mm/yyyy)."), True, "01/01/2025"),
    Column("end_date", "Đến ngày", gettext_lazy("Date (dd/mm/yyyy)."), example="31/12/2025"),
    Column(
        "lead_organiser",
        "Đơn vị chủ trì",
        gettext_lazy("Lead organiser already in the system."),
        allowed=lambda: _names(Organiser.objects.order_by("name")),
    ),
]


class CampaignResource(TransferResource):
    columns = CAMPAIGN_COLUMNS
    permission_model = Campaign
    update_fields = ["name", "description", "start_date", "end_date", "lead_organiser"]

    code = column_field("code", CodeWidget())
    name = column_field("name")
    description = column_field("description")
    start_date = column_field("start_date", DateWidget())
    end_date = column_field("end_date", DateWidget())
    lead_organiser = column_field("lead_organiser", organiser_widget())

    class Meta(TransferResource.Meta):
        model = Campaign
        import_id_fields = ["code"]
        fields = [column.key for column in CAMPAIGN_COLUMNS]

    def get_queryset(self):
        return Campaign.objects.all()

    def record_province_id(self, instance):
        return None

    def in_scope(self, province_id) -> bool:
        return True  # campaigns are national; who may import them is a permission

    def scope_queryset(self, queryset):
        return queryset

    def export_queryset(self, queryset):
        return queryset.select_related("lead_organiser")


TARGET_COLUMNS = [
    Column(
        "id",
        "Mã",
        gettext_lazy("Empty for a new target; “#123” (as exported) for target number 123."),
        example="",
    ),
    Column("campaign", "Chương trình", gettext_lazy("Code or name of the campaign."), True, "KH-2025"),
    Column(
        "measure",
        "Chỉ số",
        gettext_lazy("What is counted."),
        True,
        MEASURE_NAMES[Target.Measure.SESSIONS],
        allowed=lambda: list(MEASURE_NAMES.values()),
    ),
    Column(
        "kind",
        "Loại hoạt động",
        gettext_lazy("Only this kind of activity; empty for all."),
        allowed=lambda: list(KIND_NAMES.values()),
    ),
    Column(
        "audience",
        "Đối tượng",
        gettext_lazy("Only this audience; empty for all."),
        allowed=lambda: _names(Audience.objects.order_by("name")),
    ),
    Column("province", "Tỉnh/Thành phố", gettext_lazy("Only this province; empty for the whole campaign.")),
    Column("start_date", "Từ ngày", gettext_lazy("Date (dd/mm/yyyy); empty for the campaign's period.")),
    Column("end_date", "Đến ngày", gettext_lazy("Date (dd/mm/yyyy).")),
    Column("value", "Chỉ tiêu", gettext_lazy("The number to reach. “15.000” = 15000."), True, 120),
]


class TargetResource(TransferResource):
    """Targets have no code of their own: a row without “#id” matches the target of the same
    campaign, measure, kind, audience, province and period."""

    columns = TARGET_COLUMNS
    permission_model = Target
    update_fields = ["campaign", "measure", "kind", "audience", "province", "start_date", "end_date", "value"]
    natural_key = ["campaign_id", "measure", "kind", "audience_id", "province_id", "start_date", "end_date"]

    id = column_field("id", CodeWidget(), attribute=None)
    campaign = column_field("campaign", campaign_widget())
    measure = column_field("measure", ChoiceWidget(Target.Measure.choices, MEASURE_NAMES))
    kind = column_field("kind", ChoiceWidget(ActivityKind.choices, KIND_NAMES, blank=True))
    audience = column_field(
        "audience",
        LookupWidget(find_by_key_or_name(Audience.objects.all(), "code", "name"), str, gettext_lazy("audience")),
    )
    province = column_field("province", attribute=None)
    start_date = column_field("start_date", DateWidget())
    end_date = column_field("end_date", DateWidget())
    value = column_field("value", IntWidget())

    class Meta(TransferResource.Meta):
        model = Target
        import_id_fields = ["id"]
        fields = [column.key for column in TARGET_COLUMNS]
        use_bulk = False  # a handful of rows; each row may match an earlier one by its content
        instance_loader_class = ModelInstanceLoader

    def __init__(self, user=None, **kwargs):
        super().__init__(user=user, **kwargs)
        self.provinces: dict[str, Place | Exception] = {}

    def get_queryset(self):
        return Target.objects.all()

    def get_instance(self, instance_loader, row):
        # Only targets the user may see are found: another province's is "no record", as
        # one that does not exist.
        targets = self.scope_queryset(Target.objects.all())
        code = row.get("id")
        if isinstance(code, str) and code.startswith("#") and code[1:].isdigit():
            return targets.filter(pk=int(code[1:])).first()
        probe = Target()
        try:
            super().import_instance(probe, row)
            self.import_related(probe, row)
        except (ValidationError, ValueError):
            return None
        return targets.filter(**{key: getattr(probe, key) for key in self.natural_key}).first()

    def get_or_init_instance(self, instance_loader, row):
        instance = self.get_instance(instance_loader, row)
        return (instance, False) if instance else (self.init_instance(row), True)

    def import_instance(self, instance, row, **kwargs):
        code = row.get("id")
        if isinstance(code, str) and code.startswith("#"):
            row = {**row, "id": None}
            if not hasattr(instance, "_snapshot"):
                raise ValidationError({"id": [_("No record has the number %(code)s.") % {"code": code}]})
        super().import_instance(instance, row, **kwargs)

    def import_related(self, instance, row) -> None:
        text = row.get("province")
        if text is None:
            if self.province_ids is not None:  # a target of the whole campaign: national staff only
                raise ValidationError({"province": [_("This column is required.")]})
            instance.province = None
            return
        if text not in self.provinces:
            from campaigns.places import PlaceLookupError, lookup_place

            try:
                self.provinces[text] = lookup_place(str(text), level=Place.Level.PROVINCE)
            except PlaceLookupError as error:
                self.provinces[text] = error
        found = self.provinces[text]
        if isinstance(found, Exception):
            raise ValidationError({"province": [str(found)]})
        if not self.in_scope(found.pk):
            raise ValidationError({"province": [_("%(place)s is outside your provinces.") % {"place": found}]})
        instance.province = found

    def after_init_instance(self, instance, new, row, **kwargs):
        if not new:
            instance._code = None
            instance._snapshot = {name: getattr(instance, self._attname(name)) for name in self.update_fields}

    def record_province_id(self, instance):
        return instance.province_id

    def in_scope(self, province_id) -> bool:
        return (province_id is None and self.province_ids is None) or super().in_scope(province_id)

    def export_queryset(self, queryset):
        return queryset.select_related("campaign", "audience", "province").order_by("campaign__code", "pk")

    def dehydrate_id(self, target):
        return f"#{target.pk}"

    def dehydrate_province(self, target):
        return target.province.short_name if target.province_id else ""
