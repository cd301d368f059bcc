"""Batches spread over the periods they span (reporting/stats/spread.py)."""

import datetime

import pytest

from campaigns.models import Audience
from reporting.stats import Filters, totals
from reporting.stats.spread import largest_remainder, segments
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def batch(**fields):
    values = {"start_date": D(2018, 1, 1), "end_date": D(2020, 12, 31), "sessions": 30, "participants": 900}
    values.update(fields)
    return ActivityFactory(**values)


def by_year(result) -> dict:
    return {row["year"]: row for row in result.rows}


def test_a_three_year_batch_shows_a_third_each_year_and_sums_to_the_whole():
    batch(female=451)
    result = totals(["year"])
    years = by_year(result)
    assert [years[y]["sessions"] for y in (2018, 2019, 2020)] == [10, 10, 10]
    assert sum(years[y]["participants"] for y in years) == 900
    assert sum(years[y]["female"] for y in years) == 451
    assert {years[y]["activities"] for y in years} == {1}
    assert result.total["sessions"] == 30
    assert result.total["participants"] == 900
    assert result.total["activities"] == 1


def test_as_recorded_puts_the_batch_in_its_start_year():
    batch()
    years = by_year(totals(["year"], batches_at_start=True))
    assert list(years) == [2018]
    assert years[2018]["sessions"] == 30


def test_a_date_filter_takes_its_share_of_the_days():
    batch()
    ActivityFactory(start_date=D(2019, 5, 1), sessions=1, participants=20)
    result = totals([], Filters(date_from=D(2019, 1, 1), date_to=D(2019, 12, 31)))
    assert result.total["sessions"] == 10 + 1
    assert result.total["participants"] == 300 + 20
    assert result.total["activities"] == 2
    # Before, the batch was wholly outside 2019 (it starts in 2018).
    at_start = totals([], Filters(date_from=D(2019, 1, 1), date_to=D(2019, 12, 31)), batches_at_start=True)
    assert at_start.total["sessions"] == 1


def test_rows_add_up_to_the_total_exactly_at_every_grain():
    batch(sessions=7, participants=101, start_date=D(2018, 3, 17), end_date=D(2020, 2, 3))
    ActivityFactory(start_date=D(2019, 5, 1), sessions=2, participants=20)
    for by in (["year"], ["quarter"], ["month"], ["province", "month"]):
        result = totals(by, Filters(date_from=D(2018, 6, 1), date_to=D(2019, 8, 15)))
        for measure in ("sessions", "participants"):
            assert sum(row[measure] for row in result.rows) == result.total[measure], (by, measure)
    whole = totals(["month"])
    assert sum(row["sessions"] for row in whole.rows) == 9
    assert whole.total["sessions"] == 9 and whole.total["participants"] == 121


def test_the_whole_total_is_the_same_spread_or_not():
    batch()
    batch(start_date=D(2016, 7, 1), end_date=D(2017, 6, 30), sessions=5, participants=None)
    spread_total = totals(["year"]).total
    assert spread_total == totals(["year"], batches_at_start=True).total == totals().total
    assert spread_total["unknown_participants"] == 1


def test_largest_remainder_always_adds_up():
    assert largest_remainder(30, [365, 365, 366]) == [10, 10, 10]
    assert largest_remainder(10, [1, 1, 1]) == [4, 3, 3]
    assert largest_remainder(0, [5, 7]) == [0, 0]
    for value in range(0, 50):
        assert sum(largest_remainder(value, [31, 28, 31, 30, 2])) == value


def test_segments_cut_at_periods_and_filter_edges():
    parts = segments(D(2018, 11, 15), D(2019, 2, 10), ["quarter"], Filters(date_to=D(2019, 1, 20)))
    assert parts == [(D(2018, 11, 15), 47, True), (D(2019, 1, 1), 20, True), (D(2019, 1, 21), 21, False)]


def test_public_answers_keep_a_sensitive_batch_whole_in_its_start_year():
    victims = Audience.objects.create(code="victims", name="Nạn nhân trở về", is_sensitive=True)
    sensitive = batch(participants=6, sessions=3)
    sensitive.audiences.set([victims])
    sensitive.save()  # parental many-to-many relations are written on save
    batch(participants=300)
    years = by_year(totals(["year"], public=True))
    assert years[2018]["sessions"] == 10 + 3
    assert years[2019]["sessions"] == 10
    # The sensitive 6 sit whole in 2018's cell, which is hidden, and so is the total (its
    # sensitive part is small too): 2018 cannot be read back from the other years.
    result = totals(["year"], public=True)
    assert years[2018]["participants"] == "*" == result.total["participants"]
    assert years[2019]["participants"] == years[2020]["participants"] == 100
