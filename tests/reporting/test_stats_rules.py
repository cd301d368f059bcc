"""reporting.stats on a few records each, in a database with only the places: what counts,
what stays unknown, what the public sees. Totals over many generated records are in
test_stats.py."""

import datetime

import pytest

from campaigns.models import Activity, Audience, Campaign, Target
from reporting.stats import target_progress, totals
from tests.factories import ActivityFactory, CampaignFactory, DistributionFactory

pytestmark = pytest.mark.django_db


def make_target(campaign: Campaign, measure: str, value: int, **scope) -> Target:
    return Target.objects.create(campaign=campaign, measure=measure, value=value, **scope)


def test_unknown_counts_stay_unknown():
    ActivityFactory(participants=None, female=None, sessions=None)
    result = totals(["province"])
    assert result.rows[0]["participants"] is None
    assert result.rows[0]["unknown_participants"] == 1
    assert result.total["leaflets_distributed"] == 0


def test_cancelled_and_planned_activities_do_not_count():
    ActivityFactory(participants=10)
    ActivityFactory(participants=20, status=Activity.Status.PLANNED)
    ActivityFactory(participants=40, status=Activity.Status.CANCELLED)
    assert totals().total["participants"] == 10


def test_unknown_grouping_is_refused():
    with pytest.raises(ValueError, match="colour"):
        totals(["colour"])


def test_public_commune_rows_hide_small_counts_of_sensitive_audiences():
    victims = Audience.objects.create(code="victims", name="Nạn nhân trở về", is_sensitive=True)
    small = ActivityFactory(participants=3, female=3)
    small.audiences.set([victims])
    small.save()
    result = totals(["commune"], public=True)
    assert result.rows[0]["participants"] == "<11"
    assert result.rows[0]["female"] == "<11"
    assert totals(["commune"]).rows[0]["participants"] == 3  # staff see the number
    assert totals(["province"], public=True).rows[0]["participants"] == "<11"  # at any level


def test_public_commune_rows_show_small_counts_of_other_audiences():
    ActivityFactory(participants=3)
    assert totals(["commune"], public=True).rows[0]["participants"] == 3


def test_target_progress_counts_in_the_target_scope():
    campaign = CampaignFactory(start_date=datetime.date(2025, 1, 1), end_date=datetime.date(2025, 12, 31))
    march, april = datetime.date(2025, 3, 1), datetime.date(2025, 4, 1)
    ActivityFactory(campaign=campaign, kind="training", sessions=3, participants=30, start_date=march)
    ActivityFactory(campaign=campaign, kind="community", sessions=2, participants=50, start_date=april)
    ActivityFactory(campaign=campaign, kind="training", sessions=9, start_date=datetime.date(2024, 4, 1))  # before
    ActivityFactory(kind="training", sessions=9)  # another campaign
    DistributionFactory(campaign=campaign, distributed=700, start_date=datetime.date(2025, 5, 1))
    sessions = make_target(campaign, "sessions", 10, kind="training")
    people = make_target(campaign, "participants", 80)
    leaflets = make_target(campaign, "leaflets_distributed", 1000)
    progress = {p.target.pk: p for p in target_progress([sessions, people, leaflets], today=datetime.date(2025, 7, 2))}
    assert progress[sessions.pk].actual == 3
    assert progress[sessions.pk].percent == 30.0
    assert progress[sessions.pk].status == "behind"  # half the year gone, 30 % done
    assert progress[people.pk].actual == 80
    assert progress[people.pk].status == "met"
    assert progress[leaflets.pk].actual == 700
    assert progress[leaflets.pk].status == "on_track"  # 70 % done, 50 % expected
