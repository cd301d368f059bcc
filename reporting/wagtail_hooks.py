from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from reporting.documents.saved import SavedReportsMenuViewSet, saved_report_viewset
from reporting.documents.viewsets import DocumentsViewSet, TemplatesMenuViewSet, report_template_viewset
from reporting.periods.viewsets import PeriodsViewSet
from reporting.viewsets import TargetsReportViewSet, TotalsReportViewSet


@hooks.register("register_admin_viewset")
def register_viewsets():
    # Totals, targets, periods, documents, templates: the order of the Reports menu.
    return [
        TotalsReportViewSet(),
        TargetsReportViewSet(),
        PeriodsViewSet(),
        DocumentsViewSet(),
        SavedReportsMenuViewSet(),
        saved_report_viewset,
        TemplatesMenuViewSet(),
        report_template_viewset,
    ]


PERIOD_ACTIONS = {
    "submit": (_("Submit a reporting period"), _("Reporting period submitted")),
    "send_back": (_("Send a reporting period back"), _("Reporting period sent back")),
    "approve": (_("Approve a reporting period"), _("Reporting period approved")),
    "accept": (_("Accept a reporting period"), _("Reporting period accepted")),
    "request_reopening": (_("Ask to reopen a reporting period"), _("Reopening asked")),
    "reopen": (_("Reopen a reporting period"), _("Reporting period reopened")),
}


@hooks.register("register_log_actions")
def register_period_actions(actions):
    for action, (label, message) in PERIOD_ACTIONS.items():
        actions.register_action(f"reporting.period.{action}", label, message)
