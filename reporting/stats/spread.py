"""Batches spread over the periods they span, in proportion to their days.

A batch is an activity recorded over a date range (end date after its start date: "30
sessions in 2018–2020"). Grouped by year, quarter or month, or filtered by dates, its
sessions and counts of people are shared out over the days it spans: each period (and the
part of the range a date filter keeps) takes the share of its days. The shares are whole
numbers, made by the largest remainder: every part first takes the whole part of its
exact share, then the units left over go one each to the parts with the largest
fractions (the earlier part on a tie), so the parts of one batch always add up to its
whole figure. One answer cuts a batch at the edges of its periods and of the date filter
only, so its rows add up to its total exactly; two answers at different grains (by year,
by month) may differ by one in a period for a batch, never in their whole.

- `activities` and `unknown_participants` count a batch's record in each period where it
  has days (as a record with several organisers counts under each), once in the total;
- `unique_participants` are people, not shares: a sign-in list counts in the period where
  its activity started;
- in public answers, a batch for a sensitive audience (returned victims) is not spread: it
  counts in its start period, as recorded, so that its public counts and the small-count
  rule (perturbation.py, suppression.py) see it whole, in one cell.

Batches are few (report lines), so they are read here, one query per answer, and shared
out in Python; single-day activities are summed in the database as before.
"""

from __future__ import annotations

import dataclasses
import datetime
import itertools

from django.db.models import F, Q

from reporting.stats.families import Filters

PERIODS = ("year", "quarter", "month")
# Measures shared out over the days; the others count the record where it has days.
SHARED = ("sessions", "participants", "female", "ethnic_minority")
COUNTED = ("activities", "unknown_participants")


def applies(by, filters: Filters) -> bool:
    """Whether an answer splits time: grouped by a period, or filtered by dates."""
    return bool(set(by) & set(PERIODS)) or bool(filters.date_from or filters.date_to)


def batch_q() -> Q:
    return Q(end_date__isnull=False, end_date__gt=F("start_date"))


def undated(filters: Filters) -> Filters:
    return dataclasses.replace(filters, date_from=None, date_to=None)


def overlap_q(filters: Filters) -> Q:
    """Batches with days inside the filter's dates."""
    q = Q()
    if filters.date_to:
        q &= Q(start_date__lte=filters.date_to)
    if filters.date_from:
        q &= Q(end_date__gte=filters.date_from)
    return q


def grain(by) -> str | None:
    for name in ("month", "quarter", "year"):
        if name in by:
            return name
    return None


def _period_end(day: datetime.date, name: str | None) -> datetime.date | None:
    """The last day of the period of `name` holding `day` (None: no period cut)."""
    if name is None:
        return None
    if name == "year":
        return datetime.date(day.year, 12, 31)
    months = 1 if name == "month" else 3 - (day.month - 1) % 3
    month = day.month + months
    first_after = datetime.date(day.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    return first_after - datetime.timedelta(days=1)


def segments(start: datetime.date, end: datetime.date, by, filters: Filters) -> list[tuple[datetime.date, int, bool]]:
    """The parts of a batch: (first day, days, inside the filter's dates), cut at the edges
    of the periods of `by` and at the filter's dates."""
    name = grain(by)
    cuts = set()
    if filters.date_from and start < filters.date_from <= end:
        cuts.add(filters.date_from)
    if filters.date_to and start <= filters.date_to < end:
        cuts.add(filters.date_to + datetime.timedelta(days=1))
    day = start
    while name and day <= end:
        last = _period_end(day, name)
        if last >= end:
            break
        day = last + datetime.timedelta(days=1)
        cuts.add(day)
    edges = [start, *sorted(cuts), end + datetime.timedelta(days=1)]
    found = []
    for first, after in itertools.pairwise(edges):
        inside = (not filters.date_from or first >= filters.date_from) and (
            not filters.date_to or first <= filters.date_to
        )
        found.append((first, (after - first).days, inside))
    return found


def largest_remainder(value: int, weights: list[int]) -> list[int]:
    """`value` shared in proportion to `weights` in whole numbers that add up to `value`."""
    whole = sum(weights)
    shares = [value * weight // whole for weight in weights]
    left = value - sum(shares)
    order = sorted(range(len(weights)), key=lambda i: (-(value * weights[i] % whole), i))
    for i in order[:left]:
        shares[i] += 1
    return shares


def period_key(day: datetime.date, name: str) -> int:
    return {"year": day.year, "quarter": (day.month - 1) // 3 + 1, "month": day.month}[name]


def spread(row: dict, by, filters: Filters, wanted) -> dict[tuple, dict]:
    """{period keys (of `by`'s periods): measures} for the parts of one batch `row` inside
    the filter's dates (a row with its start_date, end_date and counts)."""
    parts = segments(row["start_date"], row["end_date"], by, filters)
    weights = [days for _first, days, _inside in parts]
    shares = {
        measure: largest_remainder(row[measure], weights) if row[measure] is not None else None
        for measure in SHARED
        if measure in wanted
    }
    periods = [name for name in PERIODS if name in by]
    found: dict[tuple, dict] = {}
    for i, (first, _days, inside) in enumerate(parts):
        if not inside:
            continue
        key = tuple(period_key(first, name) for name in periods)
        cell = found.setdefault(key, {})
        for measure, parted in shares.items():
            cell[measure] = None if parted is None else (cell.get(measure) or 0) + parted[i]
        if "activities" in wanted:
            cell["activities"] = 1
        if "unknown_participants" in wanted:
            cell["unknown_participants"] = 1 if row["participants"] is None else 0
    return found


def add(cell: dict, values: dict) -> None:
    """Add a batch's part to a cell (a sum left unknown by every record becomes a number)."""
    for measure, value in values.items():
        if value is None:
            cell.setdefault(measure, None)
            continue
        cell[measure] = value if cell.get(measure) is None else cell[measure] + value
