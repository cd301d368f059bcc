"""The reporting calendar: which days a quarter, a half-year or a year covers.

Periods run from the calendar's first day (`REPORTING_PERIOD_FIRST_DAY`, 1 by default): with
the 1st, the first quarter of 2020 is 1/1/2020–31/3/2020; with the 15th, as in calendars that
count from the 15th of the month before, it is 15/12/2019–14/3/2020, and the year 2020 is
15/12/2019–14/12/2020.
"""

from __future__ import annotations

import datetime

from reporting.conf import period_first_day
from reporting.models import PeriodKind

# (kind, number) of every period of a year, the quarters first: the order of the periods screen.
YEAR_PERIODS = [(PeriodKind.QUARTER, n) for n in (1, 2, 3, 4)] + [
    (PeriodKind.HALF, 1),
    (PeriodKind.HALF, 2),
    (PeriodKind.YEAR, 1),
]
MONTHS = {PeriodKind.QUARTER: 3, PeriodKind.HALF: 6, PeriodKind.YEAR: 12}
NUMBERS = {PeriodKind.QUARTER: 4, PeriodKind.HALF: 2, PeriodKind.YEAR: 1}


Days = tuple[datetime.date, datetime.date]


def period_dates(kind: str, year: int, number: int, first_day: int | None = None) -> Days:
    """The first and the last day (inclusive) of a period."""
    if not 1 <= number <= NUMBERS[kind]:
        raise ValueError(f"{kind} {number} does not exist")
    first_day = period_first_day() if first_day is None else first_day
    length = MONTHS[kind]
    first_month = (number - 1) * length + 1
    start = _day(year, first_month, first_day, back=first_day > 1)
    end = _day(year, first_month + length, first_day, back=first_day > 1) - datetime.timedelta(days=1)
    return start, end


def _day(year: int, month: int, day: int, *, back: bool) -> datetime.date:
    """Day `day` of month `month` of `year` (months past 12 run into the next year), or of the
    month before it when `back` (calendars that start on the 15th of the month before)."""
    index = year * 12 + (month - 1) - (1 if back else 0)
    return datetime.date(index // 12, index % 12 + 1, day)


def contained(kind: str, number: int) -> list[tuple[str, int]]:
    """The shorter periods of the same year inside this one (a year: its halves and quarters)."""
    months = range((number - 1) * MONTHS[kind] + 1, number * MONTHS[kind] + 1)
    inside = []
    for other, other_number in YEAR_PERIODS:
        if MONTHS[other] >= MONTHS[kind]:
            continue
        first = (other_number - 1) * MONTHS[other] + 1
        if first in months:
            inside.append((other, other_number))
    return inside


def exact_period(start: datetime.date | None, end: datetime.date | None) -> tuple[str, int, int] | None:
    """(kind, year, number) of the period that runs exactly from `start` to `end`, or None."""
    if start is None or end is None:
        return None
    for year in (end.year, end.year + 1):
        for kind, number in YEAR_PERIODS:
            if period_dates(kind, year, number) == (start, end):
                return kind, year, number
    return None
