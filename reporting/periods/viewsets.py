"""The reporting periods screen in the Reports menu ("Báo cáo")."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from reporting.periods.views import (
    VIEW_PERMISSION,
    ApproveYearsView,
    PeriodDetailView,
    PeriodMoveView,
    PeriodsIndexView,
)

PERIOD = "<int:province>/<str:kind>/<int:year>/<int:number>/"


class PeriodsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


class PeriodsViewSet(ViewSet):
    name = "reporting_periods"
    url_prefix = "reports/periods"
    menu_icon = "date"
    menu_label = _("Reporting periods")
    menu_order = 3
    menu_hook = "register_reports_menu_item"
    menu_item_class = PeriodsMenuItem

    def get_urlpatterns(self):
        return [
            path("", PeriodsIndexView.as_view(), name="index"),
            path("approve-years/", ApproveYearsView.as_view(), name="approve_years"),
            path(PERIOD, PeriodDetailView.as_view(), name="detail"),
            path(f"{PERIOD}move/", PeriodMoveView.as_view(), name="move"),
        ]

    @property
    def menu_url(self):
        return reverse(self.get_url_name("index"))
