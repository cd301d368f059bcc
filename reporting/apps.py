from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    """Every total: the statistics, the admin reports, the JSON API and the totals command."""

    name = "reporting"
    verbose_name = _("Reporting")
