"""The reporting periods screen (Reports › Reporting periods): each province's quarters, halves
and year with their state and figures, one period with its history, and the moves."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import ModelLogEntry

from access.models import province_ids_for
from places.models import Place
from reporting.models import PeriodKind, PeriodState, ReportingPeriod
from reporting.periods import services
from reporting.periods.calendar import NUMBERS
from reporting.stats import MEASURE_LABELS

VIEW_PERMISSION = "reporting.view_reportingperiod"
FIGURE_COLUMNS = ["sessions", "participants", "female", "unique_participants", "clubs", "leaflets_distributed"]
MOVE_LABELS = {
    "submit": pgettext_lazy("reporting period", "Submit"),
    "approve": pgettext_lazy("reporting period", "Approve"),
    "send_back": pgettext_lazy("reporting period", "Send back"),
    "accept": pgettext_lazy("reporting period", "Accept"),
    "request_reopening": pgettext_lazy("reporting period", "Ask to reopen"),
    "reopen": pgettext_lazy("reporting period", "Reopen"),
}
DONE_MESSAGES = {
    "submit": gettext_lazy("%(period)s was submitted for approval."),
    "approve": gettext_lazy("%(period)s was approved: its records are locked."),
    "send_back": gettext_lazy("%(period)s was sent back to the province."),
    "accept": gettext_lazy("%(period)s was accepted."),
    "request_reopening": gettext_lazy("Reopening of %(period)s was asked for."),
    "reopen": gettext_lazy("%(period)s was reopened: its records can be corrected."),
}


def visible_provinces(user):
    """The current provinces whose periods `user` may see."""
    provinces = Place.objects.current_provinces().order_by("search_key")  # Đà Nẵng among the D
    ids = province_ids_for(user)
    return provinces if ids is None else provinces.filter(pk__in=ids)


class PeriodsFilterForm(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=2000, max_value=2100)
    province = forms.ModelChoiceField(
        label=gettext_lazy("Province"), queryset=Place.objects.none(), required=False,
        empty_label=gettext_lazy("All my provinces"),
    )  # fmt: skip

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = visible_provinces(user)
        if province_ids_for(user) is None:
            self.fields["province"].empty_label = _("All provinces")


class PeriodPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": "", "label": _("Reports")},
            {"url": reverse("reporting_periods:index"), "label": _("Reporting periods")},
        ]


class PeriodsIndexView(PeriodPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "reporting/periods/index.html"
    page_title = gettext_lazy("Reporting periods")
    header_icon = "date"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        params = self.request.GET.copy()
        params.setdefault("year", str(datetime.date.today().year))
        form = PeriodsFilterForm(params, user=user)
        year = form.cleaned_data["year"] if form.is_valid() else datetime.date.today().year
        chosen = form.cleaned_data.get("province") if form.is_valid() else None
        provinces = list(visible_provinces(user))
        if chosen is None and len(provinces) == 1:
            chosen = provinces[0]
        context.update(form=form, year=year, province=chosen, moves=MOVE_LABELS)
        if chosen is not None:
            periods = services.periods_of_year([chosen], year)[chosen.pk]
            current = services.figures(periods)
            context["rows"] = [_row(user, item, current[id(item)]) for item in periods]
            context["columns"] = [(measure, MEASURE_LABELS[measure]) for measure in FIGURE_COLUMNS]
        else:
            by_province = services.periods_of_year(provinces, year)
            context["grid"] = [(province, by_province[province.pk]) for province in provinces]
            context["may_approve"] = user.has_perm("reporting.approve_reportingperiod")
        return context


def _row(user, item: ReportingPeriod, current: dict) -> dict:
    stamped = item.approved_figures or {}
    differs = bool(stamped) and any(stamped.get(m) != current.get(m) for m in FIGURE_COLUMNS)
    return {
        "period": item,
        "figures": [current.get(measure) for measure in FIGURE_COLUMNS],
        "differs": differs,
        "moves": [action for action in MOVE_LABELS if services.may(user, action, item)],
        "url": period_url(item),
    }


def period_url(item: ReportingPeriod) -> str:
    return reverse(
        "reporting_periods:detail",
        kwargs={"province": item.province_id, "kind": item.kind, "year": item.year, "number": item.number},
    )


class PeriodLookupMixin:
    """The period named in the URL, of a province the user may see."""

    @cached_property
    def period(self) -> ReportingPeriod:
        kwargs = self.kwargs
        kind, number = kwargs["kind"], kwargs["number"]
        if kind not in PeriodKind.values or not 1 <= number <= NUMBERS[kind]:
            raise Http404
        province = visible_provinces(self.request.user).filter(pk=kwargs["province"]).first()
        if province is None:
            raise Http404
        return services.period(province, kind, kwargs["year"], number)


class PeriodDetailView(PeriodLookupMixin, PeriodPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "reporting/periods/detail.html"
    header_icon = "date"

    def get_page_title(self):
        return str(self.period)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        item, user = self.period, self.request.user
        current = services.figures([item])[id(item)]
        stamped = item.approved_figures or {}
        since, changed = services.changed_since(item)
        context.update(
            period=item,
            figures=[(MEASURE_LABELS[m], current.get(m), stamped.get(m) if stamped else None) for m in current],
            stamped=bool(stamped),
            since=since,
            changed=changed.select_related("place").order_by("-updated_at")[:50],
            changed_count=changed.count(),
            deleted=services.deleted_since(item, since),
            history=_history(item),
            moves=[(action, MOVE_LABELS[action]) for action in MOVE_LABELS if services.may(user, action, item)],
            needs_reason=services.NEEDS_REASON,
            state_class=_state_class(item.state),
        )
        return context


def _history(item: ReportingPeriod):
    if item.pk is None:
        return ModelLogEntry.objects.none()
    return ModelLogEntry.objects.for_instance(item).select_related("user").order_by("-timestamp", "-pk")


def _state_class(state: str) -> str:
    return {
        PeriodState.OPEN: "open",
        PeriodState.SUBMITTED: "submitted",
        PeriodState.APPROVED: "approved",
        PeriodState.ACCEPTED: "accepted",
    }[PeriodState(state)]


class PeriodMoveView(PeriodLookupMixin, PeriodPermissionMixin, View):
    """POST: one move of one period (with the reason a move needs)."""

    def http_method_not_allowed(self, request, *args, **kwargs):
        self.period  # noqa: B018 -- another province's period is not found, whatever the method
        return super().http_method_not_allowed(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        if action not in services.ACTIONS:
            raise Http404
        item = self.period
        try:
            services.move(action, [item], user=request.user, reason=request.POST.get("reason", "")[:2000])
        except services.CycleRefused as refused:
            for message in refused.messages:
                messages.error(request, message)
        else:
            messages.success(request, DONE_MESSAGES[action] % {"period": item})
        return redirect(period_url(item))


class ApproveYearsView(PeriodPermissionMixin, View):
    """POST: approve a year with its quarters and halves for the chosen provinces at once."""

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("reporting.approve_reportingperiod"):
            raise PermissionDenied
        try:
            year = int(request.POST.get("year", ""))
        except ValueError as error:
            raise Http404 from error
        ids = [value for value in request.POST.getlist("province") if value.isdigit()]
        provinces = list(visible_provinces(request.user).filter(pk__in=ids))
        back = f"{reverse('reporting_periods:index')}?year={year}"
        if not provinces:
            messages.error(request, _("Choose at least one province."))
            return redirect(back)
        try:
            moved = services.approve_years(provinces, year, user=request.user)
        except services.CycleRefused as refused:
            for message in refused.messages:
                messages.error(request, message)
            return redirect(back)
        messages.success(
            request,
            _("%(year)s was approved with its quarters for %(count)s provinces (%(periods)s periods).")
            % {"year": year, "count": len(provinces), "periods": len(moved)},
        )
        return redirect(back)
