"""Anonymous questions at a coarse grain: whole months, no fine place beside a narrowing filter.
Staff ask anything."""

import pytest

from tests.factories import NA_MEO, ActivityFactory

pytestmark = pytest.mark.django_db
API = "/api/v1/stats/totals/"


def test_a_day_range_is_refused_with_a_reason(client):
    response = client.get(API, {"from": "2024-05-01", "to": "2024-05-10"})
    assert response.status_code == 400
    assert "date_to" in response.json()["errors"]


def test_a_start_within_a_month_is_refused(client):
    response = client.get(API, {"from": "2024-05-02"})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["date_from"]


@pytest.mark.parametrize(
    "period",
    [
        {"from": "2024-05-01", "to": "2024-05-31"},  # a month
        {"from": "2024-04-01", "to": "2024-06-30"},  # a quarter
        {"from": "2024-01-01", "to": "2024-12-31"},  # a year
        {"from": "2024-02-01", "to": "2024-02-29"},  # a leap February
    ],
)
def test_whole_months_quarters_and_years_are_answered(client, period):
    assert client.get(API, period).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        {"place": NA_MEO, "kind": "training"},
        {"place": NA_MEO, "by": "audience"},
        {"by": "commune", "campaign": "X"},
        {"by": ["commune", "kind"]},
        {"by": "district", "audience": "victims"},
    ],
)
def test_a_fine_place_beside_a_narrowing_filter_is_refused(client, query):
    ActivityFactory()
    response = client.get(API, query)
    assert response.status_code == 400


@pytest.mark.parametrize(
    "query",
    [
        {"place": NA_MEO, "by": "month"},
        {"by": ["province", "kind"]},
        {"by": "commune"},
        {"place": "38", "kind": "training"},
    ],
)
def test_a_fine_place_alone_or_a_province_with_filters_is_answered(client, query):
    ActivityFactory()
    assert client.get(API, query).status_code == 200


def test_staff_ask_day_ranges_and_fine_places(client, django_user_model):
    user = django_user_model.objects.create_superuser("quan", password="x-Long-enough-1")
    client.force_login(user)
    response = client.get(API, {"from": "2024-05-02", "to": "2024-05-10", "place": NA_MEO, "kind": "training"})
    assert response.status_code == 200


def test_the_command_line_asks_day_ranges():
    from io import StringIO

    from django.core.management import call_command

    ActivityFactory()
    out = StringIO()
    call_command(
        "totals",
        "--from",
        "2025-08-01",
        "--to",
        "2025-08-01",
        "--place",
        NA_MEO,
        "--kind",
        "community",
        "--format",
        "json",
        stdout=out,
    )
    assert '"participants"' in out.getvalue()
