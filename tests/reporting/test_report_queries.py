"""The admin totals report asks once: the table is computed once, its subtotals and charts
drawn from that result, and only what cannot be summed from it asked again; the charts,
which show sessions and participants, never count distinct people."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reporting.maps.choropleth import shape_codes
from reporting.stats import totals
from tests.factories import ActivityFactory, OrganiserFactory, ParticipantFactory, current_commune, son_la_commune
from trainings.models import Attendance

pytestmark = pytest.mark.usefixtures("places")
URL = "/admin/reports/totals/"


@pytest.fixture
def records():
    ActivityFactory(kind="training", sessions=2, participants=30, start_date=datetime.date(2025, 8, 1))
    ActivityFactory(kind="community", sessions=1, participants=1200, start_date=datetime.date(2025, 9, 3))
    ActivityFactory(kind="training", sessions=4, participants=70, place=son_la_commune())
    listed = ActivityFactory(kind="training", start_date=datetime.date(2025, 9, 5), place=current_commune("15013"))
    for person in (ParticipantFactory(), ParticipantFactory()):
        Attendance.objects.create(activity=listed, participant=person)


def report_queries(client, params) -> tuple[int, int, object]:
    """(queries, of which COUNT(DISTINCT …) over the sign-in lists, the response)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL, params)
    assert response.status_code == 200
    sql = [query["sql"].upper() for query in captured.captured_queries]
    return len(sql), sum("COUNT(DISTINCT" in text for text in sql), response


@pytest.mark.parametrize(
    ("by", "queries", "distinct"),
    # Before the report asked once: 34 (6), 42 (8), 31 (6) and 43 (8); one of these reads the
    # session's sign-in generation (trainings.phone_sessions.EndedSessions), and by province and
    # month one more: the state of each row's reporting period (its quarter). Each answer split
    # by time (the month chart, a table by month) reads its batches once more (spread.py), and
    # a table by province and month asks its subtotals of records again, as a batch is a
    # record in each month it spans (before: 21, 26, 21, 30).
    [(["province"], 22, 2), (["province", "month"], 30, 4), (["kind"], 22, 2), (["province", "organiser"], 31, 4)],
)
def test_the_report_page_asks_a_fixed_number_of_queries(client, superuser, records, by, queries, distinct):
    # The map's shapes are matched to their provinces once per process (one query), not per page.
    shape_codes()
    client.force_login(superuser)
    assert report_queries(client, {"by": by})[:2] == (queries, distinct)


@pytest.mark.parametrize(
    "by",
    [
        ["province", "kind"],
        ["province", "month"],
        ["province", "organiser"],
        ["kind", "audience"],
        ["organiser", "year"],
    ],
)
def test_subtotals_and_charts_are_what_their_own_totals_would_say(client, superuser, records, by):
    two = ActivityFactory(kind="community", sessions=3, participants=40, start_date=datetime.date(2025, 9, 9))
    two.organisers.add(OrganiserFactory(name="Công an xã"), OrganiserFactory(name="Đồn Biên phòng"))
    client.force_login(superuser)
    response = client.get(URL, {"by": by})
    report, charts = response.context["report"], response.context["charts"]
    first = report.result.by[0]
    expected = totals([first])
    assert list(report.subtotals.values()) == [row for row in expected.rows if _shown(row, report)]
    provinces = totals(["province"], measures=["sessions", "participants"]).rows
    assert charts["provinces"]["series"]["participants"] == [row["participants"] or 0 for row in provinces]
    months = totals(["month"]).rows
    assert sum(charts["months"]["series"]["sessions"]) == sum(row["sessions"] or 0 for row in months)


def _shown(row: dict, report) -> bool:
    """A group of the first grouping that has rows in the table (only those get a subtotal)."""
    keys = [key for key in row if key not in report.result.measures]
    return any(all(line.get(key) == row[key] for key in keys) for line in report.result.rows)


def test_totals_asks_only_the_families_of_the_measures_wanted(records, django_assert_num_queries):
    everything = totals(["province"])
    with django_assert_num_queries(3):  # the activities' total, their rows, the provinces' names
        some = totals(["province"], measures=["participants", "sessions"])
    assert some.measures == ["sessions", "participants"]
    assert some.rows == [{key: row[key] for key in some.rows[0]} for row in everything.rows]
    assert some.total == {"sessions": everything.total["sessions"], "participants": everything.total["participants"]}


def test_a_public_answer_never_gives_a_measure_of_named_people_even_when_asked(records):
    assert totals(["province"], public=True, measures=["unique_participants", "sessions"]).measures == ["sessions"]


def test_an_unknown_measure_is_refused(records):
    with pytest.raises(ValueError, match="visitors"):
        totals(measures=["visitors"])
