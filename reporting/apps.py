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

        # The reporting cycle: a province's managers submit and approve its periods; national
        # administrators accept them and reopen an approved one (README, *The reporting cycle*).
        register_role_permissions(
            MANAGERS, permissions("reporting", ["reportingperiod"], ["view", "submit", "approve"])
        )
        register_role_permissions(
            NATIONAL_ADMINS,
            permissions("reporting", ["reportingperiod"], ["view", "submit", "approve", "accept", "reopen"]),
        )

        from campaigns.rules import register_write_rule
        from reporting.periods.locks import LockedPeriods

        register_write_rule(LockedPeriods())
