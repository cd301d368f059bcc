"""Targets against what was done: one conditional aggregate per measure family for all targets."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.models import Target
from reporting.stats import approved, perturbation, suppression
from reporting.stats.families import FAMILIES, Filters

STATUS_LABELS = {"met": _("met"), "on_track": _("on track"), "behind": _("behind"), "hidden": _("not published")}


@dataclass
class TargetProgress:
    target: Target
    actual: int | str  # a marker ("<11", "*") where a public page hides it
    start: datetime.date | None
    end: datetime.date | None
    expected_by_now: int | None  # what the target asks for by today, at an even pace
    status: str  # "met", "on_track" or "behind"; "hidden" with the actual

    @property
    def percent(self) -> float | None:
        if isinstance(self.actual, str):
            return None
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


def target_progress(
    targets, *, user=None, today: datetime.date | None = None, public: bool = False, threshold: int | None = None
) -> list[TargetProgress]:
    """Progress of each target: actual value in its scope, percentage, and status.

    Status: "met" when reached; otherwise "on track" when the actual value is at least the
    share of the target that the time elapsed in its period calls for, else "behind". A
    target without an end date cannot fall behind. `public` hides a count of people whose
    sensitive part (returned victims) is below the threshold, as totals(public=True) does,
    with its percentage and status, and counts only approved periods where the setting
    asks it (approved.py). At most one query per measure family, however many targets.
    """
    targets = list(targets)
    today = today or timezone.localdate()
    limit = suppression.threshold() if threshold is None else threshold
    actual: dict[int, int | str] = {}
    days = approved.approved_days() if public and approved.approved_only() and targets else None
    for family in FAMILIES:
        mine = [target for target in targets if target.measure in family.measures]
        if mine:
            actual.update(_actual(family, mine, user, public, limit, days))
    return [_progress(target, actual.get(target.pk, 0), today) for target in targets]


def _actual(family, targets: list[Target], user, public: bool, limit: int, days) -> dict[int, int | str]:
    annotations = {}
    sensitive = suppression.sensitive_q(family.path("pk"))
    for target in targets:
        filters = target_filters(target)
        aggregates = family.aggregates(filters)
        condition = family.condition(filters) if family.applies([], filters) else Q(pk__in=[])
        annotations[f"t{target.pk}"] = _filtered(aggregates[target.measure], condition)
        if public and target.measure in suppression.PEOPLE_MEASURES:
            # The sensitive part, how many records it holds, and (for counts of people) the
            # same part at its activities' public counts and the least those stand for.
            annotations[f"s{target.pk}"] = _filtered(aggregates[target.measure], condition & sensitive)
            annotations[f"n{target.pk}"] = Count("pk", filter=condition & sensitive)
            if target.measure in suppression.SUPPRESSED_MEASURES:
                count, key = family.path(target.measure), family.path(perturbation.KEY)
                for name, expression in (("p", perturbation.public_expression), ("l", perturbation.lowest_expression)):
                    annotations[f"{name}{target.pk}"] = Sum(expression(count, key, limit), filter=condition & sensitive)
    values = family.queryset(user, approved_days=days).aggregate(**annotations)
    found: dict[int, int | str] = {}
    for target in targets:
        found[target.pk] = _public_value(target, values, public, limit)
    return found


def _public_value(target: Target, values: dict, public: bool, limit: int) -> int | str:
    """The target's actual value as the public may see it (suppression.py, perturbation.py):
    its sensitive activities at their public counts, hidden when small. Distinct people are
    not a sum of activities, so one with any sensitive activity in its scope is hidden."""
    value = values[f"t{target.pk}"] or 0
    if not public or target.measure not in suppression.PEOPLE_MEASURES or not values.get(f"n{target.pk}"):
        return value
    if target.measure not in suppression.SUPPRESSED_MEASURES:
        return suppression.HIDDEN
    part, lowest = values.get(f"s{target.pk}"), values.get(f"l{target.pk}")
    if part is None:
        return value
    value += values[f"p{target.pk}"] - part
    if lowest < limit:
        return f"<{limit}" if value < limit else suppression.HIDDEN
    return value


def _filtered(aggregate, condition: Q):
    expression = aggregate.copy()
    expression.filter = condition if expression.filter is None else expression.filter & condition
    return expression


def _progress(target: Target, actual: int | str, today: datetime.date) -> TargetProgress:
    filters = target_filters(target)
    start, end = filters.date_from, filters.date_to
    if isinstance(actual, str):
        return TargetProgress(target, actual, start, end, None, "hidden")
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
