"""Columns that name a record already in the system, by its code or its name."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from campaigns.models import Audience, Campaign, Club
from transfers.widgets import LookupWidget, find_by_key_or_name


def campaign_widget() -> LookupWidget:
    return LookupWidget(
        find_by_key_or_name(Campaign.objects.all(), "code", "name"), lambda c: c.code, gettext_lazy("campaign")
    )


def audience_widget() -> LookupWidget:
    return LookupWidget(find_by_key_or_name(Audience.objects.all(), "code", "name"), str, gettext_lazy("audience"))


def club_widget() -> LookupWidget:
    return LookupWidget(
        find_by_key_or_name(Club.objects.all(), "external_id", "name"),
        lambda c: c.external_id or c.name,
        gettext_lazy("club"),
    )
