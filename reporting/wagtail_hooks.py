from wagtail import hooks

from reporting.documents.viewsets import DocumentsViewSet, TemplatesMenuViewSet, report_template_viewset
from reporting.viewsets import TargetsReportViewSet, TotalsReportViewSet


@hooks.register("register_admin_viewset")
def register_viewsets():
    # Totals, targets, documents, templates: the order of the Reports menu.
    return [
        TotalsReportViewSet(),
        TargetsReportViewSet(),
        DocumentsViewSet(),
        TemplatesMenuViewSet(),
        report_template_viewset,
    ]
