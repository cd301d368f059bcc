"""Targets against what was done: one conditional aggregate per measure family for all targets."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.models import Target
from campaigns.stats.families import FAMILIES, Filters

STATUS_LABELS = {"met": _("met"), "on_track": _("on track"), "behind": _("behind")}


@dataclass
class TargetProgress:
    target: Target
    actual: int
    start: datetime.date | None
    end: datetime.date | None
    expected_by_now: int | None  # what the target asks for by today, at an even pace
    status: str  # "met", "on_track" or "behind"

    @property
    def percent(self) -> float:
        return round(100 * self.actual / self.target.value, 1) if self.target.value else 100.0

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])


def target_filters(target: Target) -> Filters:
    """The scope a target counts in: its campaign, kind, audience, province and period
    (the campaign's period where the target gives none)."""
    campaign = target.campaign
    return Filters(
        date_from=target.start_date or campaign.start_date,
        date_to=target.end_date or campaign.end_date,
        campaign=campaign.code,
        kinds=(target.kind,) if target.kind else (),
        audience=target.audience.code if target.audience_id else None,
        place=target.province,
    )


def target_progress(targets, *, user=None, today: datetime.date | None = None) -> list[TargetProgress]:
    """Progress of each target: actual value in its scope, percentage, and status.

    Status: "met" when reached; otherwise "on track" when the actual value is at least the
    share of the target that the time elapsed in its period calls for, else "behind". A
    target without an end date cannot fall behind. At most one query per measure family,
    however many targets.
    """
    targets = list(targets)
    today = today or timezone.localdate()
    actual: dict[int, int] = {}
    for family in FAMILIES:
        mine = [target for target in targets if target.measure in family.measures]
        if not mine:
            continue
        aggregates = family.aggregates()
        annotations = {}
        for target in mine:
            filters = target_filters(target)
            condition = family.condition(filters) if family.applies([], filters) else Q(pk__in=[])
            expression = aggregates[target.measure].copy()
            expression.filter = condition if expression.filter is None else expression.filter & condition
            annotations[f"t{target.pk}"] = expression
        values = family.queryset(user).aggregate(**annotations)
        actual.update({target.pk: values[f"t{target.pk}"] or 0 for target in mine})
    return [_progress(target, actual.get(target.pk, 0), today) for target in targets]


def _progress(target: Target, actual: int, today: datetime.date) -> TargetProgress:
    filters = target_filters(target)
    start, end = filters.date_from, filters.date_to
    expected = None
    if start and end:
        elapsed = min(max((today - start).days + 1, 0), (end - start).days + 1)
        expected = round(target.value * elapsed / ((end - start).days + 1))
    if actual >= target.value:
        status = "met"
    elif expected is None or actual >= expected:
        status = "on_track"
    else:
        status = "behind"
    return TargetProgress(target, actual, start, end, expected, status)
