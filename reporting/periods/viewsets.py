"""The reporting periods screen in the Reports menu ("Báo cáo"), beside totals and targets."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem

from reporting.periods.views import (
    VIEW_PERMISSION,
    ApproveYearsView,
    PeriodDetailView,
    PeriodMoveView,
    PeriodsIndexView,
)
from reporting.viewsets import TotalsReportViewSet

PERIOD = "<int:province>/<str:kind>/<int:year>/<int:number>/"


class PeriodsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


class PeriodsViewSet(TotalsReportViewSet):
    name = "reporting_periods"
    url_prefix = "reports/periods"
    menu_icon = "date"
    menu_label = _("Reporting periods")
    menu_order = 3
    menu_item_class = PeriodsMenuItem

    def get_urlpatterns(self):
        return [
            path("", PeriodsIndexView.as_view(), name="index"),
            path("approve-years/", ApproveYearsView.as_view(), name="approve_years"),
            path(PERIOD, PeriodDetailView.as_view(), name="detail"),
            path(f"{PERIOD}move/", PeriodMoveView.as_view(), name="move"),
        ]
