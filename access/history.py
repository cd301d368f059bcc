"""Wagtail's site history report, scoped to the user's provinces.

Wagtail lists the log entries of every record type the user has a permission for; a
trainer may change activities, so it would list every province's activities (and the
names of their participants). This view leaves out records of other provinces. It is
mounted in config/urls.py at Wagtail's own address, ahead of Wagtail's admin URLs.
"""

from wagtail.admin.views.reports.audit_logging import LogEntriesView

from access.models import without_other_provinces


class SiteHistoryView(LogEntriesView):
    def filter_queryset(self, queryset):
        return without_other_provinces(super().filter_queryset(queryset), self.request.user)
