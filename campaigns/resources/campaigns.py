"""Campaigns in and out of spreadsheets: the columns of the campaign template (a national list)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from campaigns.models import Campaign, Organiser
from campaigns.resources.organisers import organiser_widget
from transfers.base import Column, TransferResource, allowed_names, column_field
from transfers.widgets import CodeWidget, DateWidget

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
        allowed=lambda: allowed_names(Organiser.objects.order_by("name")),
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
