"""Targets in and out of spreadsheets: the columns of the target template."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.instance_loaders import ModelInstanceLoader

from campaigns.models import ActivityKind, Audience, Target
from campaigns.resources.activities import KIND_NAMES
from campaigns.resources.lookups import audience_widget, campaign_widget
from places.models import Place
from transfers.base import Column, TransferResource, allowed_names, column_field
from transfers.widgets import ChoiceWidget, CodeWidget, DateWidget, IntWidget

MEASURE_NAMES = {
    Target.Measure.SESSIONS: "Số buổi",
    Target.Measure.PARTICIPANTS: "Số lượt người tham dự",
    Target.Measure.FEMALE: "Số lượt nữ tham dự",
    Target.Measure.UNIQUE_PARTICIPANTS: "Số người tham dự",
    Target.Measure.CLUBS: "Số câu lạc bộ hoạt động",
    Target.Measure.CLUB_MEMBERS: "Số thành viên câu lạc bộ",
    Target.Measure.LEAFLETS: "Số tờ rơi cấp phát",
}


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
        allowed=lambda: allowed_names(Audience.objects.order_by("name")),
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
    audience = column_field("audience", audience_widget())
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
            from places.lookup import PlaceLookupError, lookup_place

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
