"""Public totals from approved periods only, and where the reporting periods stand.

With `REPORTING_PUBLIC_APPROVED_ONLY` set, the public counts (the API for anonymous callers,
the home, statistics and campaign pages) hold only the records whose day lies in an approved
or accepted period of their province: an activity or a handout by its first day, as the
totals place it in a period; a club by the day it was founded (a club with no founding day
once its province has approved any period). Staff outputs always count everything.

Each province's locked periods are merged into runs of days, so the condition has a term
per run (usually one per province), whatever the number of periods: one query to read them.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q

from places.models import Place
from reporting import conf
from reporting.models import ReportingPeriod

Run = tuple[datetime.date, datetime.date]


def approved_only() -> bool:
    """Whether the public counts only the records of approved periods (the setting)."""
    return conf.public_approved_only()


@dataclass(frozen=True)
class ApprovedDays:
    """Each current province's runs of approved days, and the old provinces it took over."""

    runs: dict[int, list[Run]]
    absorbed: dict[int, list[int]]


def approved_days() -> ApprovedDays:
    """The runs of days the approved or accepted periods of each province cover (two queries)."""
    runs: dict[int, list[Run]] = {}
    periods = (
        ReportingPeriod.objects.locked()
        .order_by("province_id", "start_date")
        .values_list("province_id", "start_date", "end_date")
    )
    for province, start, end in periods:
        _add(runs.setdefault(province, []), start, end)
    return ApprovedDays(runs, _absorbed(runs))


def _add(runs: list[Run], start: datetime.date, end: datetime.date) -> None:
    """Add start…end to runs sorted by their start (periods come in that order)."""
    if runs and start <= runs[-1][1] + datetime.timedelta(days=1):
        runs[-1] = (runs[-1][0], max(runs[-1][1], end))
    else:
        runs.append((start, end))


def condition(family, days: ApprovedDays) -> Q:
    """The records of `family` (reporting.stats.families) inside approved periods, as one Q."""
    province = family.path("province")
    day = family.path(family.date_field) if family.date_field else "founded_on"
    q = Q(pk__in=[])
    for current, runs in days.runs.items():
        provinces = {f"{province}__in": days.absorbed[current]}
        for start, end in runs:
            q |= Q(**provinces, **{f"{day}__gte": start, f"{day}__lte": end})
        if not family.date_field:
            q |= Q(**provinces, **{f"{day}__isnull": True})
    return q


def _absorbed(ids: Iterable[int]) -> dict[int, list[int]]:
    """Each current province → its id and the ids of the old provinces it took over (one query)."""
    found = {pk: [pk] for pk in ids}
    if not found:
        return found
    old = Place.objects.filter(successor__in=list(found), level=Place.Level.PROVINCE)
    for pk, successor in old.values_list("pk", "successor_id"):
        found[successor].append(pk)
    return found
