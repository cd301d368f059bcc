from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    """Every total: the statistics, the admin reports, the JSON API and the totals command."""

    name = "reporting"
    verbose_name = _("Reporting")

    def ready(self) -> None:
        from access.roles import MANAGERS, NATIONAL_ADMINS, permissions, register_role_permissions

        # Managers keep templates for their provinces; national staff also the national ones
        # (the templates' querysets say which).
        templates = permissions("reporting", ["reporttemplate"], ["add", "change", "delete", "view"])
        register_role_permissions(MANAGERS, templates)
        register_role_permissions(NATIONAL_ADMINS, templates)
