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
        # Saved reports (their written sections): scoped like the templates, by province.
        saved = permissions("reporting", ["savedreport"], ["add", "change", "delete", "view"])
        register_role_permissions(MANAGERS, saved)
        register_role_permissions(NATIONAL_ADMINS, saved)

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

        register_data_version()


def register_data_version() -> None:
    """Every change of what public totals count or name moves their data version
    (reporting/stats/cache.py): each write of activities through the write rule, and each
    save or delete of clubs, distributions and the labels the answers name, each save of an
    activity outside the write path, and each import."""
    from django.db.models.signals import post_delete, post_save

    from campaigns.models import Activity, Audience, Campaign, Club, MaterialDistribution, Organiser
    from campaigns.rules import WriteRule, register_write_rule
    from reporting.stats.cache import bump_data_version
    from transfers.signals import imported

    class DataVersion(WriteRule):
        name = "reporting.data_version"

        def written(self, writes, *, user) -> None:
            bump_data_version()

    register_write_rule(DataVersion())
    post_save.connect(bump_data_version, sender=Activity, dispatch_uid="reporting.data_version.Activity")
    # (No delete receiver for activities: their deletes go through the write path, and one
    # would make every bulk delete fetch its rows to send it.)
    for model in (Club, MaterialDistribution, Campaign, Organiser, Audience):
        for signal in (post_save, post_delete):
            signal.connect(bump_data_version, sender=model, dispatch_uid=f"reporting.data_version.{model.__name__}")
    # Imports write in bulk, without save signals: any import that stores something.
    imported.connect(bump_data_version, dispatch_uid="reporting.data_version.imports")
