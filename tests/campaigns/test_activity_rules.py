"""Validation on the model: every path that stores an activity refuses the same things."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from campaigns.models import Activity, ActivityKind
from places.models import Place
from tests.factories import NA_MEO, ActivityFactory, CampaignFactory, ClubFactory, current_commune, son_la_commune

pytestmark = pytest.mark.usefixtures("places")


def errors_of(activity: Activity) -> dict:
    with pytest.raises(ValidationError) as error:
        activity.full_clean()
    return error.value.message_dict


def test_end_before_start_is_refused():
    activity = ActivityFactory.build(start_date=datetime.date(2025, 9, 2), end_date=datetime.date(2025, 9, 1))
    assert "end_date" in errors_of(activity)


def test_more_women_than_participants_is_refused():
    assert "female" in errors_of(ActivityFactory.build(participants=10, female=11))


def test_more_ethnic_minority_than_participants_is_refused():
    assert "ethnic_minority" in errors_of(ActivityFactory.build(participants=10, ethnic_minority=11))


def test_breakdowns_of_an_unknown_total_are_allowed():
    ActivityFactory.build(participants=None, female=12).full_clean()


def test_counts_cannot_be_negative():
    assert "participants" in errors_of(ActivityFactory.build(participants=-1))


def test_zero_sessions_is_refused_but_unknown_is_allowed():
    assert "sessions" in errors_of(ActivityFactory.build(sessions=0))
    ActivityFactory.build(sessions=None).full_clean()


def test_only_club_meetings_point_at_a_club():
    club = ClubFactory()
    assert "club" in errors_of(ActivityFactory.build(kind=ActivityKind.COMMUNITY, club=club))
    ActivityFactory.build(kind=ActivityKind.CLUB_MEETING, club=club).full_clean()


def test_province_and_district_are_stored_from_the_place():
    commune = Place.objects.get(is_current=False, level="commune", code="14863")  # Pù Nhi, Mường Lát, 2019
    activity = ActivityFactory(place=commune)
    assert (activity.province.short_name, activity.district.short_name) == ("Thanh Hóa", "Mường Lát")
    assert activity.province.is_current is False


def test_a_place_outside_the_campaign_is_a_warning_not_a_refusal():
    campaign = CampaignFactory()
    campaign.coverage.set([current_commune(NA_MEO)])
    inside = ActivityFactory(campaign=campaign)
    outside = ActivityFactory(campaign=campaign, place=son_la_commune())
    outside.full_clean()
    assert inside.coverage_warnings() == []
    assert len(outside.coverage_warnings()) == 1


def test_a_start_outside_the_campaign_period_is_a_warning_not_a_refusal():
    campaign = CampaignFactory(start_date=datetime.date(2018, 1, 1), end_date=datetime.date(2020, 12, 31))
    inside = ActivityFactory(campaign=campaign, start_date=datetime.date(2020, 12, 31))
    outside = ActivityFactory(campaign=campaign, start_date=datetime.date(2026, 3, 1))
    outside.full_clean()
    assert inside.coverage_warnings() == []
    [warning] = outside.coverage_warnings()
    assert "01/03/2026" in warning and "01/01/2018 – 31/12/2020" in warning


def test_a_province_in_the_coverage_covers_its_communes():
    campaign = CampaignFactory()
    campaign.coverage.set([current_commune(NA_MEO).province])
    assert ActivityFactory(campaign=campaign).coverage_warnings() == []


def test_admin_warns_after_saving_an_activity_outside_its_campaigns_period(client, superuser):
    from tests.campaigns.test_audit_log import activity_form

    campaign = CampaignFactory(start_date=datetime.date(2018, 1, 1), end_date=datetime.date(2020, 12, 31))
    client.force_login(superuser)
    response = client.post(
        "/admin/activities/new/", activity_form(campaign=campaign.pk, start_date="2026-03-01"), follow=True
    )
    assert Activity.objects.get(campaign=campaign).start_date == datetime.date(2026, 3, 1)
    assert any("01/03/2026" in str(message) for message in response.context["messages"])
