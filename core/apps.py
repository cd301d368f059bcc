from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app stands on: text rules, form fields, backups and the admin's site-wide patches."""

    name = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from core import admin_csp, admin_exports, fields, files, images

        images.connect_signals()
        files.connect_signals()
        admin_csp.install()
        admin_exports.install()
        fields.register_overrides()
