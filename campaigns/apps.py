from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Campaigns")

    def ready(self) -> None:
        from campaigns import photos, roles

        roles.register()  # the roles' permissions on this app's models
        photos.connect_signals()

        post_migrate.connect(photos.file_existing_photos, sender=self, dispatch_uid="campaigns.file_photos")
        register_transfers()


def register_transfers() -> None:
    """Activities, clubs, campaigns and targets in and out of spreadsheets (campaigns/resources/).
    Their order leaves room between clubs and campaigns for the records of apps built on this one."""
    from transfers.registry import Transfer, register_transfer

    register_transfer(
        Transfer(
            name="activities",
            label=_("activities"),
            app_label="campaigns",
            model_name="activity",
            resource_path="campaigns.resources.activities.ActivityResource",
            file_stem="hoat-dong",
            order=10,
            filterset_path="campaigns.viewsets.tracking.ActivityFilterSet",
        )
    )
    register_transfer(
        Transfer(
            name="clubs",
            label=_("clubs"),
            app_label="campaigns",
            model_name="club",
            resource_path="campaigns.resources.clubs.ClubResource",
            file_stem="cau-lac-bo",
            order=20,
            filterset_path="campaigns.viewsets.tracking.ClubFilterSet",
        )
    )
    register_transfer(
        Transfer(
            name="campaigns",
            label=_("campaigns"),
            app_label="campaigns",
            model_name="campaign",
            resource_path="campaigns.resources.campaigns.CampaignResource",
            file_stem="chuong-trinh",
            order=40,
        )
    )
    register_transfer(
        Transfer(
            name="targets",
            label=_("targets"),
            app_label="campaigns",
            model_name="target",
            resource_path="campaigns.resources.targets.TargetResource",
            file_stem="chi-tieu",
            order=50,
            listed_with="campaigns.campaign",  # targets are kept on their campaign's screens
        )
    )
