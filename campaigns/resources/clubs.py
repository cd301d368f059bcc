"""Clubs in and out of spreadsheets: the columns of the club template."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from campaigns.models import Club, Organiser
from campaigns.resources.lookups import campaign_widget
from campaigns.resources.organisers import organiser_widget
from transfers.base import Column, allowed_names, column_field
from transfers.placed import PlacedResource, place_columns
from transfers.widgets import ChoiceWidget, CodeWidget, DateWidget, IntWidget

CLUB_STATUS_NAMES = {Club.Status.ACTIVE: "Đang hoạt động", Club.Status.CLOSED: "Ngừng hoạt động"}

CLUB_COLUMNS = [
    Column("external_id", "Mã", gettext_lazy("Your own code for the club, unique (e.g. CLB-NM-01)."), True, "CLB-01"),
    Column("name", "Tên câu lạc bộ", gettext_lazy("Name."), True, "CLB phòng, chống mua bán người xã Na Mèo"),
    *place_columns(),
    Column("founded_on", "Ngày thành lập", gettext_lazy("Date (dd/mm/yyyy)."), example="15/03/2024"),
    Column(
        "organiser",
        "Đơn vị tổ chức",
        gettext_lazy("Organiser already in the system."),
        allowed=lambda: allowed_names(Organiser.objects.order_by("name")),
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
    founded_on = column_field("founded_on", DateWidget())
    organiser = column_field("organiser", organiser_widget())
    campaign = column_field("campaign", campaign_widget())
    status = column_field("status", ChoiceWidget(Club.Status.choices, CLUB_STATUS_NAMES, default=Club.Status.ACTIVE))
    member_count = column_field("member_count", IntWidget())
    notes = column_field("notes")

    class Meta(PlacedResource.Meta):
        model = Club
        import_id_fields = ["external_id"]
        fields = [column.key for column in CLUB_COLUMNS]

    def get_queryset(self):
        return Club.objects.all()

    def export_queryset(self, queryset):
        return queryset.select_related("place__province", "place__district", "organiser", "campaign")

    def dehydrate_external_id(self, club):
        return self.export_code(club)
