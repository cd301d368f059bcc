"""reporting.stats against totals computed by hand (in Python) over generated records.

The records are generated once for the module (see `world`), so every test here sees
them; a test that needs a database without them belongs in test_stats_rules.py."""

import datetime
import itertools
import random
from collections import defaultdict

import pytest
from django.utils import timezone

from campaigns.models import Activity, ActivityKind, Audience, Campaign, Club, MaterialDistribution, Target
from places.models import Place
from reporting.stats import DIMENSIONS, Filters, normalise_by, target_progress, totals
from tests.conftest import shared_records
from tests.factories import (
    ActivityFactory,
    CampaignFactory,
    ClubFactory,
    DistributionFactory,
    OrganiserFactory,
    ParticipantFactory,
    staff,
)
from trainings.models import Attendance, ClubMember

pytestmark = pytest.mark.django_db

KINDS = [ActivityKind.TRAINING, ActivityKind.COMMUNITY, ActivityKind.CLUB_MEETING, ActivityKind.FAIR]


def pick_places(rng: random.Random) -> list[Place]:
    """Current communes of two provinces, old communes and districts of provinces that merged
    (their successors differ from them), and one old province as a whole."""
    current = list(Place.objects.filter(is_current=True, level="commune", province__code__in=["38", "14"])[:400])
    old_communes = list(
        Place.objects.filter(is_current=False, level="commune", successor__level="commune").order_by("id")[:3000]
    )
    old_districts = list(Place.objects.filter(is_current=False, level="district").order_by("id")[:700])
    old_province = Place.objects.get(is_current=False, level="province", short_name="Tiền Giang")
    return [*rng.sample(current, 4), *rng.sample(old_communes, 4), *rng.sample(old_districts, 2), old_province]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """About 80 activities with sign-in lists, clubs and distributions over varied places,
    built once for the module (about 2 s each time)."""
    with shared_records(django_db_blocker):
        yield build_world()


def build_world() -> dict:
    rng = random.Random(20251123)
    places = pick_places(rng)
    campaigns = [CampaignFactory(code="c-a"), CampaignFactory(code="c-b")]
    organisers = [OrganiserFactory(name="Hội LHPN A"), OrganiserFactory(name="Công an B")]
    audiences = [
        Audience.objects.create(code="residents", name="Người dân"),
        Audience.objects.create(code="victims", name="Nạn nhân trở về", is_sensitive=True),
    ]
    people = [ParticipantFactory() for _ in range(12)]
    for n in range(80):
        participants = rng.choice([None, rng.randint(1, 60)])
        activity = ActivityFactory(
            kind=rng.choice(KINDS),
            place=rng.choice(places),
            campaign=rng.choice([None, *campaigns]),
            start_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randint(0, 800)),
            sessions=rng.choice([None, 1, 1, 3]),
            participants=participants,
            female=participants // 2 if participants and n % 3 else None,
            ethnic_minority=participants // 4 if participants and n % 2 else None,
            status=Activity.Status.CANCELLED if n % 17 == 0 else Activity.Status.HELD,
        )
        activity.organisers.set(rng.sample(organisers, rng.randint(0, 2)))
        activity.audiences.set(rng.sample(audiences, rng.randint(0, 2)))
        activity.save()  # parental many-to-many relations are written on save
        if n % 5 == 0:
            for person in rng.sample(people, 4):
                Attendance.objects.create(activity=activity, participant=person, present=rng.random() > 0.2)
    for n in range(10):
        club = ClubFactory(
            place=rng.choice(places),
            campaign=rng.choice([None, *campaigns]),
            organiser=rng.choice([None, *organisers]),
            member_count=rng.choice([None, 15, 20]),
            founded_on=rng.choice([None, datetime.date(2024, 6, 1), datetime.date(2026, 1, 1)]),
            status=Club.Status.CLOSED if n == 9 else Club.Status.ACTIVE,
        )
        if n % 3 == 0:
            # Members listed before the list kept dates, who joined on a day, and who left.
            dates = [(None, None), (datetime.date(2024, 9, 1), None), (None, datetime.date(2025, 1, 31))]
            ClubMember.objects.bulk_create(
                [
                    ClubMember(club=club, participant=person, joined_on=joined, left_on=left)
                    for person, (joined, left) in zip(rng.sample(people, 3), dates, strict=True)
                ]
            )
    for _ in range(15):
        DistributionFactory(
            place=rng.choice(places),
            campaign=rng.choice([None, *campaigns]),
            organiser=rng.choice(organisers),
            distributed=rng.choice([None, 100, 2500]),
            start_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randint(0, 800)),
        )
    return {"places": places, "campaigns": campaigns, "organisers": organisers, "audiences": audiences}


# -- the reference: plain Python over the records ------------------------------------------------
def current(place: Place | None) -> Place | None:
    return place.successor if place is not None and place.successor_id else place


def commune_of(place: Place, as_recorded: bool):
    if place.level != "commune":
        return None
    if not as_recorded and place.successor_id and place.successor.level == "commune":
        return place.successor.code, place.successor.name
    return place.code, place.name


def district_of(place: Place):
    district = place if place.level == "district" else place.district
    return (district.code, district.name) if district else None


def province_of(province: Place, as_recorded: bool):
    shown = province if as_recorded else current(province)
    return shown.code, shown.name


def keys_of(record, name: str, as_recorded: bool) -> list:
    """The group values of a record for one dimension (several for many-to-many ones)."""
    if name == "province":
        return [province_of(record.province, as_recorded)]
    if name == "district":
        return [district_of(record.place)]
    if name == "commune":
        return [commune_of(record.place, as_recorded)]
    if name in ("year", "quarter", "month"):
        day = record.start_date
        return [{"year": day.year, "quarter": (day.month + 2) // 3, "month": day.month}[name]]
    if name == "kind":
        return [record.kind]
    if name == "campaign":
        return [record.campaign.code if record.campaign_id else None]
    if name == "organiser":
        if isinstance(record, Activity):
            return [o.name for o in record.organisers.all()] or [None]
        return [record.organiser.name if record.organiser_id else None]
    if name == "audience":
        return [a.code for a in record.audiences.all()] or [None]
    raise ValueError(name)


def in_place(record, place: Place) -> bool:
    if place.level == "province":
        return place in (record.province, record.province.successor)
    if place.level == "district":
        return district_of(record.place) == (place.code, place.name)
    return place in (record.place, record.place.successor)


def selected(record, filters: Filters) -> bool:
    day = getattr(record, "start_date", None)
    if day and filters.date_from and day < filters.date_from:
        return False
    if day and filters.date_to and day > filters.date_to:
        return False
    if filters.campaign and not (record.campaign_id and record.campaign.code == filters.campaign):
        return False
    if filters.kinds and isinstance(record, Activity) and record.kind not in filters.kinds:
        return False
    if filters.organiser:
        ids = [o.pk for o in record.organisers.all()] if isinstance(record, Activity) else [record.organiser_id]
        if filters.organiser not in ids:
            return False
    if filters.audience and filters.audience not in [a.code for a in record.audiences.all()]:
        return False
    return not (filters.place and not in_place(record, filters.place))


def add(total: dict, measure: str, value) -> None:
    total.setdefault(measure, None)
    if value is not None:
        total[measure] = (total[measure] or 0) + value


def expected_totals(by: list[str], filters: Filters, as_recorded: bool = False) -> dict[tuple, dict]:
    groups: dict[tuple, dict] = defaultdict(dict)
    activities = Activity.objects.filter(status="held").prefetch_related("organisers", "audiences")
    activities = activities.select_related("province__successor", "place__successor", "campaign")
    activities = [a for a in activities if selected(a, filters)]
    people: dict[tuple, set] = defaultdict(set)
    for activity in activities:
        for key in itertools.product(*(keys_of(activity, name, as_recorded) for name in by)):
            group = groups[key]
            group["activities"] = group.get("activities", 0) + 1
            for measure in ("sessions", "participants", "female", "ethnic_minority"):
                add(group, measure, getattr(activity, measure))
            group["unknown_participants"] = group.get("unknown_participants", 0) + (activity.participants is None)
            for attendance in activity.attendances.filter(present=True):
                people[key].add(attendance.participant_id)
    for key, persons in people.items():
        groups[key]["unique_participants"] = len(persons)
    clubs_apply = not filters.kinds or ActivityKind.CLUB_MEETING in filters.kinds
    if set(by) <= {"province", "district", "commune", "campaign", "organiser"} and not filters.audience and clubs_apply:
        for club in Club.objects.filter(status="active").select_related("province__successor", "place"):
            if filters.date_to and club.founded_on and club.founded_on > filters.date_to:
                continue
            if not selected_club(club, filters):
                continue
            for key in itertools.product(*(keys_of(club, name, as_recorded) for name in by)):
                group = groups[key]
                group["clubs"] = group.get("clubs", 0) + 1
                day = filters.date_to or timezone.localdate()
                on_day = [
                    link
                    for link in club.member_links.all()
                    if (link.joined_on is None or link.joined_on <= day)
                    and (link.left_on is None or link.left_on > day)
                ]
                add(group, "club_members", len(on_day) if club.member_links.exists() else club.member_count)
    leaflet_dimensions = {"province", "district", "commune", "year", "quarter", "month", "campaign", "organiser"}
    if set(by) <= leaflet_dimensions and not filters.audience and not filters.kinds:
        for item in MaterialDistribution.objects.select_related("province__successor", "place", "campaign"):
            if not selected(item, filters):
                continue
            for key in itertools.product(*(keys_of(item, name, as_recorded) for name in by)):
                add(groups[key], "leaflets_distributed", item.distributed)
    return dict(groups)


def selected_club(club: Club, filters: Filters) -> bool:
    if filters.campaign and not (club.campaign_id and club.campaign.code == filters.campaign):
        return False
    if filters.organiser and club.organiser_id != filters.organiser:
        return False
    return not (filters.place and not in_place(club, filters.place))


ROW_KEYS = {
    "province": ("province_code", "province_name"),
    "district": ("district_code", "district_name"),
    "commune": ("commune_code", "commune_name"),
}


def actual_groups(result) -> dict[tuple, dict]:
    groups = {}
    for row in result.rows:
        key = []
        for name in result.by:
            if name in ROW_KEYS:
                code, label = (row[k] for k in ROW_KEYS[name])
                key.append((code, label) if code else None)
            elif name == "campaign":
                key.append(row["campaign_code"])
            else:
                key.append(row[name])
        groups[tuple(key)] = {m: v for m, v in row.items() if m in result.measures}
    return groups


def assert_same(result, expected: dict[tuple, dict]) -> None:
    actual = actual_groups(result)
    assert set(actual) == set(expected), (result.by, result.filters)
    for key, values in expected.items():
        for measure, value in values.items():
            assert actual[key][measure] == value, (result.by, key, measure)
        # What the family did not see in this group is zero, never missing.
        for measure, value in actual[key].items():
            if measure not in values and value is not None:
                assert value == 0, (result.by, key, measure)


# -- tests ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name", DIMENSIONS)
def test_totals_by_each_dimension_match_a_count_by_hand(world, name):
    by = normalise_by([name])
    assert_same(totals([name]), expected_totals(by, Filters()))


@pytest.mark.parametrize(
    "by", [["province", "kind"], ["province", "month"], ["commune", "audience"], ["campaign", "organiser", "year"]]
)
def test_totals_by_combinations_match_a_count_by_hand(world, by):
    assert_same(totals(by), expected_totals(normalise_by(by), Filters()))


def test_totals_as_recorded_keep_the_old_units(world):
    result = totals(["province"], as_recorded=True)
    assert_same(result, expected_totals(["province"], Filters(), as_recorded=True))
    assert "Tỉnh Tiền Giang" in {row["province_name"] for row in result.rows}
    assert "Tỉnh Tiền Giang" not in {row["province_name"] for row in totals(["province"]).rows}


def filter_cases(world) -> list[Filters]:
    places = world["places"]
    return [
        Filters(date_from=datetime.date(2024, 9, 1), date_to=datetime.date(2025, 6, 30)),
        Filters(campaign="c-a"),
        Filters(kinds=(ActivityKind.TRAINING, ActivityKind.FAIR)),
        Filters(kinds=(ActivityKind.CLUB_MEETING,)),
        Filters(organiser=world["organisers"][0].pk),
        Filters(audience="victims"),
        Filters(place=current(places[0]).province),
        Filters(place=places[-1]),  # an old province as a whole
        Filters(place=places[4].successor),  # a current commune that took an old one over
        Filters(place=places[8]),  # an old district
    ]


@pytest.mark.parametrize("by", [["province"], ["month"], ["district", "kind"]])
def test_each_filter_matches_a_count_by_hand(world, by):
    for filters in filter_cases(world):
        assert_same(totals(by, filters), expected_totals(normalise_by(by), filters))


def test_generated_records_have_organisers_and_audiences(world):
    assert Activity.objects.filter(organisers__isnull=False).distinct().count() > 20
    assert Activity.objects.filter(audiences__is_sensitive=True).count() > 10


def test_the_total_counts_each_record_once(world):
    for filters in filter_cases(world):
        expected = expected_totals([], filters).get((), {})
        result = totals(["organiser", "audience"], filters)
        for measure in result.measures:
            if result.total[measure] is not None:
                assert result.total[measure] == expected.get(measure, 0), (filters, measure)


def test_measures_that_do_not_apply_are_none_not_zero(world):
    result = totals(["kind"])
    assert all(row["clubs"] is None and row["leaflets_distributed"] is None for row in result.rows)
    assert result.total["clubs"] == Club.objects.filter(status="active").count()
    assert totals([], Filters(audience="victims")).total["leaflets_distributed"] is None


def test_query_count_does_not_grow_with_the_data(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        result = totals(["province", "campaign", "organiser", "audience", "month"])
    assert len(result.rows) > 20


def test_staff_see_only_their_provinces(world):
    trainer = staff("Tập huấn viên", "14")
    rows = totals(["province"], user=trainer).rows
    assert {row["province_code"] for row in rows} <= {"14"}
    son_la = Activity.objects.filter(status="held", province__code="14", province__is_current=True).count()
    assert totals(user=trainer).total["activities"] == son_la


# -- public outputs ----------------------------------------------------------------------------
def test_public_totals_leave_out_sign_in_measures(world):
    result = totals(["province"], public=True)
    assert "unique_participants" not in result.total
    assert all("unique_participants" not in row for row in result.rows)


# -- targets -----------------------------------------------------------------------------------
def make_target(campaign: Campaign, measure: str, value: int, **scope) -> Target:
    return Target.objects.create(campaign=campaign, measure=measure, value=value, **scope)


def test_target_progress_uses_one_query_per_family(world, django_assert_num_queries):
    campaign = world["campaigns"][0]
    targets = [make_target(campaign, measure, 50) for measure in ("sessions", "participants", "female", "clubs")]
    targets.append(make_target(campaign, "sessions", 5, province=current(world["places"][0]).province))
    with django_assert_num_queries(2):  # activities, clubs
        progress = target_progress(targets, today=datetime.date(2025, 1, 1))
    expected = expected_totals([], Filters(campaign="c-a", date_from=campaign.start_date))[()]
    assert progress[0].actual == (expected.get("sessions") or 0)
    assert progress[1].actual == (expected.get("participants") or 0)
