from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Campaigns")

    def ready(self) -> None:
        from campaigns import admin_csp, admin_exports
        from campaigns.roles import ensure_roles

        admin_csp.install()
        admin_exports.install()

        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="campaigns.ensure_roles")
