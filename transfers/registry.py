"""The kinds of records that go in and out of spreadsheets, with who may move them."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from transfers.base import TransferResource


@dataclass(frozen=True)
class Transfer:
    name: str  # in URLs and command names: import_<name>, export_<name>
    label: str | Promise
    app_label: str
    model_name: str
    resource_path: str

    @property
    def resource(self) -> type[TransferResource]:
        from django.utils.module_loading import import_string

        return import_string(self.resource_path)

    @property
    def import_permission(self) -> str:
        return f"{self.app_label}.import_{self.model_name}"

    @property
    def export_permission(self) -> str:
        return f"{self.app_label}.export_{self.model_name}"

    def model(self):
        from django.apps import apps

        return apps.get_model(self.app_label, self.model_name)

    def queryset(self, user=None):
        resource = self.resource(user=user)
        return resource.scope_queryset(self.model()._default_manager.all())

    def file_stem(self) -> str:
        return {
            "activities": "hoat-dong",
            "clubs": "cau-lac-bo",
            "participants": "nguoi-tham-gia",
            "campaigns": "chuong-trinh",
            "targets": "chi-tieu",
        }[self.name]


TRANSFERS = {
    transfer.name: transfer
    for transfer in [
        Transfer(
            "activities", _("activities"), "campaigns", "activity", "campaigns.resources.activities.ActivityResource"
        ),
        Transfer("clubs", _("clubs"), "campaigns", "club", "campaigns.resources.clubs.ClubResource"),
        Transfer(
            "participants",
            _("participants and sign-in lists"),
            "trainings",
            "participant",
            "trainings.resources.ParticipantResource",
        ),
        Transfer("campaigns", _("campaigns"), "campaigns", "campaign", "campaigns.resources.clubs.CampaignResource"),
        Transfer("targets", _("targets"), "campaigns", "target", "campaigns.resources.clubs.TargetResource"),
    ]
}
