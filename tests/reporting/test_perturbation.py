"""Public counts of people that hold returned victims are moved a little, the same way every
time for the same records; counts without them stay exact."""

import pytest

from campaigns.models import Activity, Audience
from places.models import Place
from reporting.stats import Filters, perturbation, totals
from tests.factories import NA_MEO, ActivityFactory, current_commune

pytestmark = pytest.mark.django_db


@pytest.fixture
def victims():
    return Audience.objects.create(code="victims", name="Nạn nhân trở về", is_sensitive=True)


@pytest.fixture
def residents():
    return Audience.objects.create(code="residents", name="Người dân")


def held(audience, participants: int, place=None, **fields):
    activity = ActivityFactory(participants=participants, place=place or current_commune(NA_MEO), **fields)
    activity.audiences.set([audience])
    activity.save()
    return activity


def hanoi() -> Place:
    return Place.objects.get(is_current=True, level="province", code="01")


def test_every_new_activity_gets_its_own_key():
    keys = {ActivityFactory().cell_key for _ in range(5)}
    assert len(keys) == 5


def test_bulk_created_activities_get_keys_too():
    place = current_commune(NA_MEO)
    template = ActivityFactory.build(place=place)
    Activity.objects.bulk_create(
        [
            Activity(
                kind=template.kind, title=f"t{i}", start_date=template.start_date, place=place, province=place.province
            )
            for i in range(3)
        ]
    )
    assert len(set(Activity.objects.values_list("cell_key", flat=True))) == 3


def test_a_count_without_returned_victims_is_exact(residents):
    held(residents, 37)
    assert totals(public=True).total["participants"] == 37


def test_a_count_with_returned_victims_moves_within_the_bound(victims, residents):
    for count in (7, 8, 9):  # at least 5 + 6 + 7 = 18 whatever the keys: never hidden
        held(victims, count)
    held(residents, 100)
    shown = totals(public=True).total["participants"]
    assert abs(shown - 124) <= 3 * perturbation.bound()  # at most the bound for each activity


def test_the_same_records_read_the_same_in_every_answer(victims):
    held(victims, 7, place=hanoi())
    held(victims, 8, place=hanoi())  # 15 people, each activity moved by its key
    by_province = totals(["province"], public=True).rows[0]["participants"]
    in_hanoi = totals(filters=Filters(place=hanoi()), public=True).total["participants"]
    everything = totals(public=True).total["participants"]
    assert by_province == in_hanoi == everything


def test_a_positive_count_never_reads_zero(victims, settings):
    settings.SENSITIVE_COUNT_THRESHOLD = 1
    settings.PUBLIC_PERTURBATION_BOUND = 50
    activity = held(victims, 1)
    for key in range(0, 4096, 97):  # many keys, so many moves, some far below zero
        Activity.objects.filter(pk=activity.pk).update(cell_key=key)
        assert totals(public=True).total["participants"] >= 1


def test_zero_stays_zero(victims, settings):
    settings.SENSITIVE_COUNT_THRESHOLD = 0
    held(victims, 0)
    assert totals(public=True).total["participants"] == 0


def test_the_moves_depend_on_the_secret(settings):
    moves = set()
    for secret in "abcdefghijkl":
        settings.PUBLIC_PERTURBATION_SECRET = secret
        moves.add(tuple(perturbation.move(key) for key in range(20)))
    assert len(moves) == 3  # every shift of the keys' moves (-1, 0, +1) comes from some secret


def test_every_public_count_stands_for_two_true_ones_or_more():
    """The design's property: whatever the key, no public count of a small activity tells
    its count, so no answer built of public counts can."""
    shown: dict[int, set[int]] = {}
    for count in range(1, 14):  # 11 and more are exact: the rule never hides them alone
        for key in range(3):
            shown.setdefault(perturbation.public_count(count, key, 11), set()).add(count)
    assert all(len(counts) >= 2 or min(counts) >= 11 for counts in shown.values()), shown


def test_an_activity_of_eleven_or_more_counts_exactly(victims):
    held(victims, 40)
    assert totals(public=True).total["participants"] == 40


def test_a_count_that_may_be_below_the_threshold_is_hidden(victims):
    for key in range(3):
        activity = held(victims, 10)
        Activity.objects.filter(pk=activity.pk).update(cell_key=key)
        # 10 reads 9, 10 or 11; each may stand for a count below 11: always hidden.
        assert totals(public=True).total["participants"] in ("<11", "*")
        activity.delete()


def test_staff_totals_stay_exact(victims):
    held(victims, 23)
    assert totals().total["participants"] == 23


def test_the_sensitive_part_comes_with_the_grouped_query(victims, django_assert_max_num_queries):
    held(victims, 23)
    # One grouped query and one aggregate per family, labels, and the sensitive activities.
    with django_assert_max_num_queries(8):
        totals(["province"], public=True)


def test_the_staff_api_stays_exact(client, victims, django_user_model):
    held(victims, 23)
    client.force_login(django_user_model.objects.create_superuser("quan", password="x-Long-enough-1"))
    assert client.get("/api/v1/stats/totals/").json()["total"]["participants"] == 23


def test_a_target_on_a_campaign_page_is_moved_like_the_cell(victims):
    import datetime

    from campaigns.models import Campaign, Target
    from reporting.stats import target_progress

    campaign = Campaign.objects.create(code="C", name="C", start_date=datetime.date(2025, 1, 1))
    held(victims, 7, campaign=campaign)
    held(victims, 8, campaign=campaign)
    target = Target.objects.create(campaign=campaign, measure="participants", value=100)
    shown = target_progress([target], public=True)[0].actual
    assert (
        shown == totals(filters=Filters(campaign="C", date_from=campaign.start_date), public=True).total["participants"]
    )
    assert abs(shown - 15) <= 2 * perturbation.bound()


def test_a_public_target_of_distinct_people_with_returned_victims_in_its_scope_is_hidden(victims, residents):
    """Distinct people are not a sum of activities: no public count can stand for them."""
    import datetime

    from campaigns.models import Campaign, Target
    from reporting.stats import target_progress
    from tests.factories import ParticipantFactory
    from trainings.models import Attendance

    campaign = Campaign.objects.create(code="C", name="C", start_date=datetime.date(2025, 1, 1))
    for audience in (victims, residents):
        activity = held(audience, 15, campaign=campaign)
        for _ in range(15):
            Attendance.objects.create(activity=activity, participant=ParticipantFactory())
    target = Target.objects.create(campaign=campaign, measure="unique_participants", value=100)
    assert target_progress([target], public=True)[0].actual == "*"
    assert target_progress([target])[0].actual == 30
