from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Public site")

    def ready(self) -> None:
        from cms import files, site, slugs
        from cms.signals import connect

        connect()
        files.connect()
        slugs.register_overrides()
        site.connect()
