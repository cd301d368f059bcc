"""Public totals never give away a small count of a sensitive audience (returned victims).

A count is hidden at any grouping and under any filter, and so are the cells and totals
that would give it back by subtraction within the same answer. These tests look at that rule
alone, with the perturbation turned off (test_perturbation.py and test_attack.py test it).
"""

import datetime
import itertools
import os

import pytest
from django.db import transaction
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from campaigns.models import ActivityKind, Audience, Organiser
from places.lookup import lookup_place
from places.models import Place
from reporting.stats import Filters, totals
from reporting.stats.labels import LABEL_KEYS
from tests.factories import NA_MEO, ActivityFactory, current_commune

pytestmark = pytest.mark.django_db
# HYPOTHESIS_PROFILE=no-shrink reports the first failing example at once, without shrinking it.
settings.register_profile("no-shrink", phases=[Phase.explicit, Phase.reuse, Phase.generate])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

PEOPLE = ["participants", "female", "ethnic_minority"]
API = "/api/v1/stats/totals/"


@pytest.fixture(autouse=True)
def exact_public_counts(settings):
    settings.PUBLIC_PERTURBATION_BOUND = 0


def derivable(answer: dict, measure: str = "participants") -> set[int]:
    """Every number of `measure` an answer gives, and every difference of two of them."""
    numbers = [row[measure] for row in [*answer["rows"], answer["total"]] if isinstance(row[measure], int)]
    return set(numbers) | {a - b for a, b in itertools.permutations(numbers, 2)}


@pytest.fixture
def victims():
    return Audience.objects.create(code="victims", name="Nạn nhân trở về", is_sensitive=True)


@pytest.fixture
def residents():
    return Audience.objects.create(code="residents", name="Người dân")


def held(audience, participants: int, place=None, **fields):
    activity = ActivityFactory(participants=participants, place=place or current_commune(NA_MEO), **fields)
    activity.audiences.set([audience])
    activity.save()  # parental relations are written on save
    return activity


def son_la_commune() -> Place:
    return Place.objects.filter(is_current=True, level="commune", province__code="14").order_by("code").first()


# -- the leaks of the public API -------------------------------------------------------------
def test_total_beside_a_hidden_commune_row_does_not_give_it_back(client, victims, residents):
    held(victims, 3)
    held(residents, 100, place=son_la_commune())
    answer = client.get(API, {"by": "commune"}).json()
    assert 3 not in derivable(answer)
    assert "<11" in [row["participants"] for row in answer["rows"]]


def test_total_of_one_commune_is_hidden(client, victims):
    held(victims, 3)
    answer = client.get(API, {"place": NA_MEO}).json()
    assert answer["total"]["participants"] == "<11"
    assert answer["total"]["female"] is None  # unknown stays unknown


@pytest.mark.parametrize("by", ["province", "kind", "audience", "month"])
def test_one_commune_grouped_any_way_hides_the_count(victims, by):
    """The rule holds even for questions the public API refuses (a commune by kind)."""
    held(victims, 3, female=2)
    answer = totals([by], Filters(place=lookup_place(NA_MEO)), public=True).as_json()
    assert 3 not in derivable(answer)
    assert 2 not in derivable(answer, "female")
    assert answer["rows"] and all(row["participants"] == "<11" for row in answer["rows"])


def test_counts_up_to_ten_are_hidden(client, victims):
    held(victims, 10)
    assert client.get(API, {"by": "commune"}).json()["rows"][0]["participants"] == "<11"


def test_the_threshold_is_a_setting(client, victims, settings):
    settings.SENSITIVE_COUNT_THRESHOLD = 5
    held(victims, 10)
    held(victims, 3, place=son_la_commune())
    rows = client.get(API, {"by": "province"}).json()["rows"]
    assert [row["participants"] for row in rows] == ["<5", "*"]  # Sơn La, then Thanh Hóa: 13 − 10 = 3


def test_staff_see_the_numbers(victims):
    held(victims, 3)
    assert totals(["commune"]).rows[0]["participants"] == 3


def test_a_small_sensitive_part_hides_a_large_count(client, victims, residents):
    """103 in a commune, 100 of them residents: the 103 would give the 3 away beside the 100."""
    held(victims, 3)
    held(residents, 100)
    commune = lookup_place(NA_MEO)
    everyone = totals(filters=Filters(place=commune), public=True).total["participants"]
    residents_only = totals(filters=Filters(place=commune, audience="residents"), public=True).total["participants"]
    assert residents_only == 100
    assert everyone == "*"


def test_a_count_of_other_audiences_is_shown_however_small(victims, residents):
    held(residents, 3)
    assert totals(["commune"], public=True).rows[0]["participants"] == 3


def test_two_communes_one_hidden_hides_a_second_cell(client, victims, residents):
    hanoi = Place.objects.get(is_current=True, level="province", code="01")
    held(victims, 4)
    held(residents, 50, place=son_la_commune())
    held(residents, 70, place=hanoi)
    held(victims, 15, place=hanoi)  # 19 returned victims in all: the total is shown
    answer = client.get(API, {"by": "province"}).json()
    assert [row["participants"] for row in answer["rows"]] == [85, "*", "<11"]  # Hà Nội, Sơn La, Thanh Hóa
    assert answer["total"]["participants"] == 139
    assert 4 not in derivable(answer)


def test_organiser_rows_that_share_a_small_group_are_hidden(victims):
    """Organisers overlap: X − Y would give Z's count when X = Y + Z."""
    x, y, z = (Organiser.objects.create(name=name, kind=Organiser.Kind.WOMENS_UNION) for name in "XYZ")
    small = held(victims, 3)
    small.organisers.set([x, z])
    small.save()
    large = held(victims, 20, start_date=datetime.date(2025, 9, 1))
    large.organisers.set([x, y])
    large.save()
    answer = totals(["organiser"], public=True).as_json()
    assert 3 not in derivable(answer)
    assert {row["organiser"]: row["participants"] for row in answer["rows"]}["Y"] == 20


# -- the property -----------------------------------------------------------------------------
# Each activity's counts are a distinct power of three, so a sum names exactly the records in
# it: a returned number, or a difference of two, that equals a hidden count is a real leak.
PLACES = [("commune", NA_MEO), ("commune", "15016"), ("commune", None), ("province", "01")]
DIMENSION_SAMPLES = ["province", "commune", "year", "month", "kind", "campaign", "organiser", "audience"]


def activity_specs():
    return st.lists(
        st.fixed_dictionaries(
            {
                "sensitive": st.booleans(),
                "other_audiences": st.sets(st.sampled_from(["residents", "students"]), max_size=2),
                "place": st.sampled_from(range(len(PLACES))),
                "kind": st.sampled_from([ActivityKind.TRAINING, ActivityKind.COMMUNITY]),
                "month": st.sampled_from([(2024, 3), (2024, 11), (2025, 3)]),
                "organisers": st.sets(st.sampled_from(["X", "Y", "Z"]), max_size=2),
                "known": st.sampled_from(["all", "participants", "none"]),
            }
        ),
        min_size=1,
        max_size=8,
    )


def query_specs():
    return st.fixed_dictionaries(
        {
            "by": st.lists(st.sampled_from(DIMENSION_SAMPLES), max_size=2, unique=True),
            "place": st.sampled_from([None, *range(len(PLACES))]),
            "audience": st.sampled_from([None, "victims", "residents"]),
            "kind": st.sampled_from([None, ActivityKind.TRAINING]),
            "date_from": st.sampled_from([None, datetime.date(2024, 6, 1)]),
        }
    )


def make_world(specs: list[dict], order: list[int]) -> list[Place]:
    audiences = {
        "victims": Audience.objects.create(code="victims", name="Nạn nhân trở về", is_sensitive=True),
        "residents": Audience.objects.create(code="residents", name="Người dân"),
        "students": Audience.objects.create(code="students", name="Học sinh"),
    }
    organisers = {name: Organiser.objects.create(name=name, kind=Organiser.Kind.POLICE) for name in "XYZ"}
    communes = list(Place.objects.filter(is_current=True, level="commune", province__code="14").order_by("code")[:1])
    places = []
    for level, code in PLACES:
        if code is None:
            places.append(communes[0])
        else:
            places.append(Place.objects.get(is_current=True, level=level, code=code))
    for spec, power in zip(specs, order, strict=False):
        value = 3**power
        known = spec["known"]
        activity = ActivityFactory(
            kind=spec["kind"],
            place=places[spec["place"]],
            start_date=datetime.date(*spec["month"], 10),
            participants=value if known != "none" else None,
            female=value if known == "all" else None,
            ethnic_minority=value if known == "all" else None,
        )
        chosen = [audiences[name] for name in spec["other_audiences"]]
        activity.audiences.set([audiences["victims"], *chosen] if spec["sensitive"] else chosen)
        activity.organisers.set([organisers[name] for name in spec["organisers"]])
        activity.save()
    return places


def row_key(row: dict, by: list[str]) -> tuple:
    return tuple(row.get(LABEL_KEYS[name]) for name in by)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(specs=activity_specs(), order=st.permutations(range(8)), queries=st.lists(query_specs(), min_size=1, max_size=4))
def test_no_public_number_or_difference_equals_a_hidden_count(specs, order, queries):
    with transaction.atomic():
        places = make_world(specs, order)
        for query in queries:
            filters = Filters(
                place=places[query["place"]] if query["place"] is not None else None,
                audience=query["audience"],
                kinds=(query["kind"],) if query["kind"] else (),
                date_from=query["date_from"],
            )
            public = totals(query["by"], filters, public=True)
            staff = totals(query["by"], filters)
            check_answer(public, staff)
        transaction.set_rollback(True)


def check_answer(public, staff) -> None:
    by = public.by
    staff_rows = {row_key(row, by): row for row in staff.rows}
    pairs = [(row, staff_rows[row_key(row, by)]) for row in public.rows] + [(public.total, staff.total)]
    for measure in PEOPLE:
        hidden, returned = set(), []
        for shown, true in pairs:
            if isinstance(shown[measure], str):
                hidden.add(true[measure])
            else:
                assert shown[measure] == true[measure]
                if shown[measure] is not None:
                    returned.append(shown[measure])
        leaks = hidden & (set(returned) | {a - b for a, b in itertools.permutations(returned, 2)})
        assert not leaks, (measure, by, public.filters, public.rows, public.total)
