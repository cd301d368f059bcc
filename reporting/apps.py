from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    """Every total: the statistics, the admin reports, the JSON API and the totals command."""

    name = "reporting"
    verbose_name = _("Reporting")

    def ready(self) -> None:
        from access.roles import MANAGERS, NATIONAL_ADMINS, grant

        # Managers keep templates for their provinces; national staff also the national ones
        # (the templates' querysets say which).
        templates = [("reporting", f"{action}_reporttemplate") for action in ("add", "change", "delete", "view")]
        grant(MANAGERS, templates)
        grant(NATIONAL_ADMINS, templates)
