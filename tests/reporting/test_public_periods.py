"""What the public reads of the reporting cycle: with REPORTING_PUBLIC_APPROVED_ONLY, public
totals count only the records of approved periods; every public output says which periods
are provisional."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from access.roles import MANAGERS, NATIONAL_ADMINS
from campaigns.models import Target
from places.models import Place
from reporting import stats
from reporting.periods import services
from tests.factories import (
    THANH_HOA,
    ActivityFactory,
    CampaignFactory,
    ClubFactory,
    DistributionFactory,
    current_province,
    son_la_commune,
    staff,
)
from tests.factories import cms as pages

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("places")]

Q1 = datetime.date(2024, 2, 10)
Q2 = datetime.date(2024, 5, 10)


@pytest.fixture
def approved_only(settings):
    settings.REPORTING_PUBLIC_APPROVED_ONLY = True
    settings.PUBLIC_TOTALS_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def manager():
    return staff(MANAGERS, THANH_HOA)


def approve_q1(manager):
    return services.move("approve", [services.period(current_province(THANH_HOA), "quarter", 2024, 1)], user=manager)


def public_participants(**filters) -> int:
    return stats.totals(filters=stats.Filters(**filters), public=True).total["participants"]


def test_the_public_counts_only_approved_periods_and_staff_count_everything(approved_only, manager):
    ActivityFactory(participants=40, start_date=Q1)
    ActivityFactory(participants=25, start_date=Q2)  # Q2 of Thanh Hóa: not approved
    ActivityFactory(participants=30, start_date=Q1, place=son_la_commune())  # Sơn La approved nothing
    assert public_participants() == 0
    approve_q1(manager)
    # The approval moved the data version: the answer kept before is not given again.
    assert public_participants() == 40
    assert stats.totals(user=staff(NATIONAL_ADMINS)).total["participants"] == 95
    assert stats.totals().total["participants"] == 95


def test_a_record_of_an_old_province_counts_once_the_province_that_took_it_over_approved(approved_only, manager):
    old = Place.objects.get(is_current=False, level=Place.Level.PROVINCE, code=THANH_HOA)
    ActivityFactory(participants=12, start_date=Q1, place=old)
    assert public_participants() == 0
    approve_q1(manager)
    assert public_participants() == 12


def test_an_approved_year_counts_its_quarters_and_a_reopened_period_leaves_the_public_count(approved_only, manager):
    ActivityFactory(participants=40, start_date=Q1)
    ActivityFactory(participants=25, start_date=Q2)
    (year,) = services.move("approve", [services.period(current_province(THANH_HOA), "year", 2024, 1)], user=manager)
    assert public_participants() == 65
    services.move("reopen", [year], user=staff(NATIONAL_ADMINS), reason="Bổ sung số liệu quý 2")
    assert public_participants() == 0


def test_clubs_leaflets_and_targets_follow_the_same_rule(approved_only, manager):
    ClubFactory(founded_on=Q1)
    ClubFactory(founded_on=Q2)
    DistributionFactory(distributed=500, start_date=Q1)
    DistributionFactory(distributed=700, start_date=Q2)
    campaign = CampaignFactory(start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2024, 12, 31))
    ActivityFactory(participants=40, start_date=Q1, campaign=campaign)
    ActivityFactory(participants=25, start_date=Q2, campaign=campaign)
    target = Target.objects.create(campaign=campaign, measure="participants", value=100)
    approve_q1(manager)
    total = stats.totals(public=True).total
    assert (total["clubs"], total["leaflets_distributed"]) == (1, 500)
    (progress,) = stats.target_progress([target], public=True)
    assert progress.actual == 40
    (staff_progress,) = stats.target_progress([target], user=staff(NATIONAL_ADMINS))
    assert staff_progress.actual == 65


def test_without_the_setting_the_public_counts_everything(manager, settings):
    settings.REPORTING_PUBLIC_APPROVED_ONLY = False
    ActivityFactory(participants=40, start_date=Q1)
    ActivityFactory(participants=25, start_date=Q2)
    assert public_participants() == 65


def test_the_standing_names_each_provisional_period_and_joins_alike_years(manager, settings):
    settings.PUBLIC_TOTALS_CACHE_SECONDS = 0
    ActivityFactory(participants=40, start_date=datetime.date(2021, 3, 1))
    for year in (2021, 2022):
        services.move("approve", [services.period(current_province(THANH_HOA), "year", year, 1)], user=manager)
    standing = services.public_standing()
    this_year = timezone.localdate().year
    assert standing == {
        "approved_only": False,
        "provisional": [
            {"label": "Năm 2021–2022", "approved_provinces": 1, "provinces": 34},
            {"label": f"Năm 2023–{this_year}", "approved_provinces": 0, "provinces": 34},
        ],
    }
    # A quarter's question names the quarter and the year around it.
    standing = services.public_standing(datetime.date(2022, 4, 1), datetime.date(2022, 6, 30))
    assert [item["label"] for item in standing["provisional"]] == ["Quý 2/2022", "Năm 2022"]


def test_the_api_and_the_public_pages_say_which_periods_are_provisional(client, approved_only, manager):
    ActivityFactory(participants=40, start_date=Q1)
    approve_q1(manager)
    body = client.get("/api/v1/stats/totals/", {"from": "2024-01-01", "to": "2024-06-30"}).json()
    assert body["total"]["participants"] == 40
    assert body["periods"]["approved_only"] is True
    labels = {item["label"]: item["approved_provinces"] for item in body["periods"]["provisional"]}
    # Q1 is approved in one province of 34: provisional too.
    assert labels == {"Quý 1/2024": 1, "Quý 2/2024": 0, "Năm 2024": 0}
    page = client.get(pages.statistics_page().url).content.decode()
    assert "Chỉ tính số liệu của các kỳ báo cáo đã được tỉnh duyệt." in page
    # Over more than a year, the years only.
    assert f"Năm 2024–{timezone.localdate().year} (0/34 tỉnh đã duyệt)" in page
