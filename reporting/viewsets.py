"""Admin reports ("Báo cáo"): totals with charts and exports, and targets against actual."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils.safestring import mark_safe
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import AdminDateInput

from campaigns.models import Campaign, Target
from core.fields import DayField
from core.routers import reads_from_replica
from reporting.reports import build_report, report_pdf, report_xlsx
from reporting.stats import totals
from reporting.stats.query import TotalsQueryForm
from reporting.stats.targets import target_progress

REPORT_PERMISSION = "campaigns.view_activity"
CHART_MEASURES = ["sessions", "participants"]


class ReportForm(TotalsQueryForm):
    """The query form with admin widgets."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["by"].widget = forms.CheckboxSelectMultiple(choices=self.fields["by"].choices)
        self.fields["kind"].widget = forms.CheckboxSelectMultiple(choices=self.fields["kind"].choices)
        for name in ("date_from", "date_to"):
            self.fields[name].widget = AdminDateInput()
            self.fields[name].error_messages["invalid"] = DayField.default_error_messages["invalid"]
        for field in self.fields.values():
            field.label = capfirst(field.label)


class ReportPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class TotalsReportView(ReportPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "reporting/totals.html"
    page_title = gettext_lazy("Totals")
    header_icon = "table"

    @reads_from_replica
    def get(self, request, *args, **kwargs):
        params = request.GET.copy()
        params.pop("export", None)
        if not params.get("by"):
            params.setlist("by", ["province"])
        self.form = ReportForm(params)
        self.report = build_report(self.form, request.user) if self.form.is_valid() else None
        export = request.GET.get("export")
        if self.report and export in ("xlsx", "pdf"):
            return self.export(export)
        return super().get(request, *args, **kwargs)

    def export(self, export: str) -> HttpResponse:
        title = _("Report on the campaigns against human trafficking")
        name = slugify(f"bao-cao-{'-'.join(self.report.result.by)}")
        if export == "xlsx":
            content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            response = HttpResponse(report_xlsx(self.report, title), content_type=content_type)
        else:
            response = HttpResponse(report_pdf(self.report, title, self.request), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{name}.{export}"'
        return response

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Reports")}, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(form=self.form, report=self.report, charts=self.charts() if self.report else None)
        if self.report:
            context["totals_map"] = mark_safe(self.totals_map().svg)
        names = ["date_from", "date_to", "campaign", "organiser", "audience", "place"]
        context["filter_fields"] = [self.form[name] for name in names]
        query = self.request.GET.copy()
        query.pop("export", None)
        context["export_query"] = query.urlencode()
        return context

    def charts(self) -> dict:
        """Participants and sessions per province, and over time, for the same filters: from
        the report's own rows where it holds them, else asked for these two measures only."""
        provinces = self.chart_rows(["province"])
        return {
            "measures": {measure: str(label) for measure, label in _chart_labels().items()},
            "provinces": _series([row["province_name"] or "—" for row in provinces], provinces),
            "months": _over_time(self.chart_rows(["month"])),
        }

    def totals_map(self):
        """The map by province: from the chart's rows when they are grouped as the map's
        boundaries want (63 provinces as recorded before July 2025, else the 34)."""
        from reporting.maps.shown import admin_totals_map, boundaries_for

        filters = self.form.to_filters()
        as_recorded = boundaries_for(filters.date_to) != "current"
        rows = self.chart_rows(["province"]) if as_recorded == self.form.cleaned_data["as_recorded"] else None
        return admin_totals_map(filters, self.request.user, rows)

    def chart_rows(self, by: list[str]) -> list[dict]:
        # Asked once per grouping: the chart and the map both read the rows by province.
        asked = self.__dict__.setdefault("_chart_rows", {})
        if tuple(by) not in asked:
            rows = self.report.rows_by(by)
            if rows is None:
                filters, as_recorded = self.form.to_filters(), self.form.cleaned_data["as_recorded"]
                rows = totals(
                    by,
                    filters,
                    user=self.request.user,
                    as_recorded=as_recorded,
                    batches_at_start=self.form.cleaned_data.get("batches_at_start", False),
                    measures=CHART_MEASURES,
                ).rows
            asked[tuple(by)] = rows
        return asked[tuple(by)]


def _series(labels: list[str], rows: list[dict]) -> dict:
    return {"labels": labels, "series": {m: [row[m] or 0 for row in rows] for m in CHART_MEASURES}}


def _over_time(rows: list[dict], most_months: int = 36) -> dict:
    """Every month between the first and the last with records (empty ones as zero), or
    every year when that would be more than `most_months` points."""
    by_month = {(row["year"], row["month"]): row for row in rows if row["year"]}
    if not by_month:
        return _series([], [])
    first, last = min(by_month), max(by_month)
    months = [(year, month) for year in range(first[0], last[0] + 1) for month in range(1, 13)]
    months = [key for key in months if first <= key <= last]
    empty = dict.fromkeys(CHART_MEASURES, 0)
    if len(months) <= most_months:
        return _series([f"{m:02d}/{y}" for y, m in months], [by_month.get(key, empty) for key in months])
    years = sorted({year for year, _month in months})
    per_year = [
        {m: sum(by_month.get((year, n), empty)[m] or 0 for n in range(1, 13)) for m in CHART_MEASURES} for year in years
    ]
    return _series([str(year) for year in years], per_year)


def _chart_labels() -> dict:
    from reporting.stats import MEASURE_LABELS

    return {measure: MEASURE_LABELS[measure] for measure in CHART_MEASURES}


class TargetsReportView(ReportPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "reporting/targets.html"
    page_title = gettext_lazy("Targets")
    header_icon = "tasks"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Reports")}, {"url": "", "label": self.page_title}]

    @reads_from_replica
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        campaigns = Campaign.objects.filter(targets__isnull=False).distinct().order_by("-start_date", "code")
        chosen = self.request.GET.get("campaign")
        if chosen:
            campaigns = campaigns.filter(code=chosen)
        targets = Target.objects.filter(campaign__in=campaigns).select_related("campaign", "audience", "province")
        progress = target_progress(targets.order_by("campaign", "measure", "pk"), user=self.request.user)
        grouped: dict = {}
        for item in progress:
            grouped.setdefault(item.target.campaign, []).append(item)
        context.update(
            campaigns=grouped,
            all_campaigns=Campaign.objects.filter(targets__isnull=False).distinct().order_by("-start_date"),
            chosen=chosen,
            scoped=self.request.user.has_perm(REPORT_PERMISSION) and _scoped(self.request.user),
        )
        return context


def _scoped(user) -> bool:
    from access.models import province_ids_for

    return province_ids_for(user) is not None


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


class TotalsReportViewSet(ViewSet):
    """Registered in Wagtail's own "Reports" menu ("Báo cáo"), beside its page reports."""

    name = "reports_totals"
    url_prefix = "reports/totals"
    menu_icon = "table"
    menu_label = gettext_lazy("Totals")
    menu_order = 1
    menu_hook = "register_reports_menu_item"
    menu_item_class = ReportMenuItem

    def get_urlpatterns(self):
        return [path("", TotalsReportView.as_view(), name="index")]

    @property
    def menu_url(self):
        return reverse(self.get_url_name("index"))


class TargetsReportViewSet(TotalsReportViewSet):
    name = "reports_targets"
    url_prefix = "reports/targets"
    menu_icon = "tasks"
    menu_label = gettext_lazy("Targets")
    menu_order = 2

    def get_urlpatterns(self):
        return [path("", TargetsReportView.as_view(), name="index")]
