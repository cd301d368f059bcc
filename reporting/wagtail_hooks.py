from wagtail import hooks

from reporting.viewsets import TargetsReportViewSet, TotalsReportViewSet


@hooks.register("register_admin_viewset")
def register_viewsets():
    # Totals first, then targets: the order of the Reports menu.
    return [TotalsReportViewSet(), TargetsReportViewSet()]
