from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    """Who may see what: staff provinces, roles, and the scoped querysets, forms and history."""

    name = "access"
    verbose_name = _("Access")

    def ready(self) -> None:
        from access.roles import ensure_roles

        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="access.ensure_roles")
