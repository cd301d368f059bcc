from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Campaigns")

    def ready(self) -> None:
        from campaigns import photos

        photos.connect_signals()

        post_migrate.connect(photos.file_existing_photos, sender=self, dispatch_uid="campaigns.file_photos")
