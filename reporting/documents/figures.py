"""The figures of a report, from reporting.stats only: the period's totals, their breakdowns,
the previous period of the same length and the plan's targets, as raw numbers."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Q

from campaigns.models import Campaign, Target
from places.models import Place
from reporting.stats import Filters, TargetProgress, target_progress, totals

# The breakdowns a report shows: (context name, grouping, key of the row's name).
BREAKDOWNS = (
    ("by_kind", "kind", "kind_name"),
    ("by_audience", "audience", "audience_name"),
    ("by_province", "province", "province_name"),
    ("by_district", "district", "district_name"),
    ("by_commune", "commune", "commune_name"),
)


# Provinces merged from 63 to 34 on this day: a period that ends before it is mapped on the
# 63 provinces, with its records grouped as they were recorded.
MERGER = datetime.date(2025, 7, 1)


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date

    def previous(self) -> Period:
        """The period of the same length that ends the day before this one starts: as many
        whole months when the period is whole months (2016–2020 → 2011–2015), else days."""
        end = self.start - datetime.timedelta(days=1)
        if self.start.day == 1 and (self.end + datetime.timedelta(days=1)).day == 1:
            months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
            first = self.start.year * 12 + self.start.month - 1 - months
            return Period(datetime.date(first // 12, first % 12 + 1, 1), end)
        return Period(end - (self.end - self.start), end)

    @property
    def boundaries(self) -> str:
        """The map of the period: the 63 provinces before July 2025, else the 34."""
        return "before_2025" if self.end < MERGER else "current"


@dataclass
class Figures:
    period: Period
    province: Place | None
    total: dict
    previous_total: dict
    rows: dict[str, list[dict]] = field(default_factory=dict)  # breakdown name → rows of totals()
    targets: list[TargetProgress] = field(default_factory=list)
    by_province_code: dict[str, int | None] = field(default_factory=dict)  # for the map


def _filters(period: Period, province: Place | None) -> Filters:
    return Filters(date_from=period.start, date_to=period.end, place=province)


def collect(period: Period, province: Place | None, user, map_measure: str = "sessions") -> Figures:
    """Every figure of the report for `period` in `province` (None: all the user's
    provinces), as `user` may see them: a provincial manager never gets another province's."""
    filters = _filters(period, province)
    figures = Figures(
        period=period,
        province=province,
        total=totals((), filters, user=user).total,
        previous_total=totals((), _filters(period.previous(), province), user=user).total,
    )
    for name, grouping, _label in BREAKDOWNS:
        if grouping == "province" and province is not None:
            continue
        if grouping in ("district", "commune") and province is None:
            continue
        figures.rows[name] = totals([grouping], filters, user=user).rows
    as_recorded = period.boundaries == "before_2025"
    map_rows = totals(["province"], _filters(period, None), user=user, as_recorded=as_recorded).rows
    figures.by_province_code = {row["province_code"]: row[map_measure] for row in map_rows if row["province_code"]}
    figures.targets = target_progress(_targets(period, province, user), user=user)
    return figures


def _targets(period: Period, province: Place | None, user):
    """The targets whose period meets the report's, in its scope: a province's own targets,
    or every target the user may see for a national report."""
    targets = Target.objects.for_user(user) if user is not None else Target.objects.all()
    starts = Q(start_date__lte=period.end) | Q(start_date__isnull=True, campaign__start_date__lte=period.end)
    ends = (
        Q(end_date__gte=period.start)
        | Q(end_date__isnull=True, campaign__end_date__gte=period.start)
        | Q(end_date__isnull=True, campaign__end_date__isnull=True)
    )
    targets = targets.filter(starts, ends)
    if province is not None:
        # The province's own targets, and those of a campaign held in this province alone.
        absorbed = Place.objects.provinces_absorbed_into([province]).values("pk")
        elsewhere = Campaign.objects.filter(coverage__isnull=False).exclude(coverage__province__in=absorbed)
        alone = Campaign.objects.filter(coverage__province__in=absorbed).exclude(pk__in=elsewhere.values("pk"))
        targets = targets.filter(Q(province__in=absorbed) | Q(province__isnull=True, campaign__in=alone.values("pk")))
    return targets.select_related("campaign", "audience", "province").order_by("campaign__code", "measure", "pk")
