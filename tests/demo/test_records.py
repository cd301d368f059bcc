"""The demo data carries the seed reports' figures, on the units of their time, and loads idempotently."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, Sum

from campaigns.models import (
    Activity,
    ActivityKind,
    Audience,
    Campaign,
    Club,
    MaterialDistribution,
    Organiser,
    PlanDocument,
    Target,
    Topic,
)
from demo.records import load_records
from places.lookup import lookup_place
from places.models import Place
from tests.conftest import shared_records
from trainings.models import Course

pytestmark = pytest.mark.usefixtures("places")

TH_WU = "Hội LHPN tỉnh Thanh Hóa"
TH_LABOUR = "Sở Lao động - Thương binh và Xã hội tỉnh Thanh Hóa"
DEMO_MODELS = [Audience, Topic, Course, Organiser, Campaign, PlanDocument, Target, Activity, Club, MaterialDistribution]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo records, loaded once for the module (from the first test that asks for them
    to the module's end); each test's changes are undone."""
    with shared_records(django_db_blocker):
        yield load_records()


def old_province(name: str) -> Place:
    return lookup_place(name, level=Place.Level.PROVINCE, current=False)


def totals(**filters) -> dict:
    return Activity.objects.filter(**filters).aggregate(
        rows=Count("id", distinct=True), sessions=Sum("sessions"), participants=Sum("participants")
    )


def snapshot() -> dict:
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in DEMO_MODELS}


# First in the module: it loads the demo into a database without it (before `demo` is loaded).
def test_command_prints_its_summary():
    out = StringIO()
    call_command("load_demo", stdout=out)
    output = out.getvalue()
    assert "99" in output.splitlines()[0]  # 96 records, and the courses 3 activities taught
    assert Activity.objects.filter(external_id__startswith="demo-").count() == 39


def test_womens_union_held_25_training_classes_in_thanh_hoa(demo):
    result = totals(organisers__name=TH_WU, kind=ActivityKind.TRAINING, province=old_province("Thanh Hóa"))
    # One line per border commune (the report gives the programme's total only).
    assert result == {"rows": 10, "sessions": 25, "participants": None}


def test_womens_union_held_30_community_sessions(demo):
    assert totals(organisers__name=TH_WU, kind=ActivityKind.COMMUNITY)["sessions"] == 30


def test_fair_without_a_count_keeps_sessions_and_participants_unknown(demo):
    fair = Activity.objects.get(organisers__name=TH_WU, kind=ActivityKind.FAIR)
    assert (fair.sessions, fair.participants) == (None, None)


def test_womens_union_runs_twelve_active_clubs_in_old_thanh_hoa(demo):
    clubs = Club.objects.filter(organiser__name=TH_WU, campaign__code="DHPNBC-2018", status=Club.Status.ACTIVE)
    assert clubs.count() == 12
    assert set(clubs.values_list("place", flat=True)) == {old_province("Thanh Hóa").pk}
    assert clubs.filter(member_count__isnull=False).count() == 0


def test_labour_department_gave_out_15000_leaflets(demo):
    result = MaterialDistribution.objects.filter(organiser__name=TH_LABOUR).aggregate(
        printed=Sum("printed"), distributed=Sum("distributed")
    )
    assert result == {"printed": 15000, "distributed": 15000}


def test_police_held_9158_residents_meetings(demo):
    result = totals(organisers__name="Công an tỉnh Thanh Hóa", kind=ActivityKind.RESIDENTS_MEETING)
    assert result == {"rows": 1, "sessions": 9158, "participants": None}


def test_labour_trainings_count_participants_by_audience(demo):
    by_audience = dict(
        Activity.objects.filter(organisers__name=TH_LABOUR, kind=ActivityKind.TRAINING)
        .values("audiences__code")
        .annotate(participants=Sum("participants"))
        .values_list("audiences__code", "participants")
    )
    assert by_audience == {"grassroots_officials": 2890, "industrial_workers": 1152, "returned_victims": 52}


def test_labour_trainings_leave_the_number_of_classes_unknown(demo):
    sessions = Activity.objects.filter(organisers__name=TH_LABOUR).values_list("sessions", flat=True)
    assert list(sessions) == [None, None, None]


def test_da_nang_womens_union_reached_33823_people_in_335_sessions(demo):
    result = totals(organisers__name="Hội LHPN thành phố Đà Nẵng", kind=ActivityKind.COMMUNITY)
    assert result == {"rows": 1, "sessions": 335, "participants": 33823}


def test_da_nang_border_guards_and_customs_trained_100_people_in_4_sessions(demo):
    training = Activity.objects.get(external_id="demo-danang-bg-customs-training")
    assert (training.sessions, training.participants) == (4, 100)
    assert set(training.organisers.values_list("kind", flat=True)) == {"border_guard", "customs"}
    assert training.province == old_province("Đà Nẵng")


def test_son_la_inspections_are_eleven_across_nine_old_districts(demo):
    inspections = Activity.objects.filter(kind=ActivityKind.INSPECTION, campaign__code="CT193-2021")
    result = inspections.aggregate(
        rows=Count("id"), sessions=Sum("sessions"), districts=Count("district", distinct=True)
    )
    assert result == {"rows": 11, "sessions": 11, "districts": 9}
    assert set(inspections.values_list("province", flat=True)) == {old_province("Sơn La").pk}
    assert not inspections.filter(district__is_current=True).exists()


def test_activities_without_a_reported_count_have_no_participants(demo):
    unknown = set(Activity.objects.filter(participants__isnull=True).values_list("external_id", flat=True))
    assert {"demo-thanhhoa-wu-training-01", "demo-thanhhoa-police-meetings", "demo-danang-wu-contest"} <= unknown
    assert Activity.objects.filter(participants=0).count() == 0


def test_every_demo_activity_is_on_a_unit_before_july_2025(demo):
    assert Activity.objects.count() == 39
    assert Activity.objects.filter(place__is_current=False, province__is_current=False).count() == 39


def test_border_campaign_covers_the_ten_communes_of_the_report(demo):
    coverage = Campaign.objects.get(code="DHPNBC-2018").coverage.all()
    assert sorted((place.district.short_name, place.short_name) for place in coverage) == sorted(
        [
            ("Lang Chánh", "Yên Khương"),
            ("Thường Xuân", "Bát Mọt"),
            ("Mường Lát", "Trung Lý"),
            ("Mường Lát", "Nhi Sơn"),
            ("Mường Lát", "Pù Nhi"),
            ("Mường Lát", "Quang Chiểu"),
            ("Quan Sơn", "Tam Thanh"),
            ("Quan Sơn", "Na Mèo"),
            ("Quan Sơn", "Mường Mìn"),
            ("Quan Hóa", "Hiền Kiệt"),
        ]
    )
    assert {(place.level, place.is_current, place.province.short_name) for place in coverage} == {
        ("commune", False, "Thanh Hóa")
    }


def test_national_programme_has_no_lead_no_coverage_and_its_decision(demo):
    programme = Campaign.objects.get(code="CT193-2021")
    assert programme.lead_organiser is None
    assert programme.coverage.count() == 0
    assert list(programme.documents.values_list("number", "issued_on__year")) == [("193/QĐ-TTg", 2021)]


def test_organisers_belong_to_current_provinces(demo):
    provinces = Organiser.objects.filter(province__isnull=False).values_list("province__is_current", flat=True)
    assert set(provinces) == {True}
    assert Organiser.objects.get(name=TH_WU).province.short_name == "Thanh Hóa"


def test_returned_victims_are_a_sensitive_audience(demo):
    assert list(Audience.objects.filter(is_sensitive=True).values_list("code", flat=True)) == ["returned_victims"]


def test_first_run_reports_what_it_created(demo):
    assert demo["created"]["campaigns.Activity"] == 39
    assert demo["created"]["campaigns.Club"] == 12
    assert sum(demo["updated"].values()) == 0


def test_second_run_creates_and_updates_nothing(demo):
    again = load_records()
    assert sum(again["created"].values()) == 0
    assert sum(again["updated"].values()) == 0
    assert sum(again["unchanged"].values()) == sum(demo["created"].values())


def test_second_run_leaves_every_row_identical(demo):
    before = snapshot()
    load_records()
    assert snapshot() == before


def test_second_run_repairs_a_changed_figure(demo):
    Activity.objects.filter(external_id="demo-thanhhoa-police-meetings").update(sessions=1)
    again = load_records()
    assert again["updated"] == {"campaigns.Activity": 1}
    assert Activity.objects.get(external_id="demo-thanhhoa-police-meetings").sessions == 9158


def test_border_programme_lines_sit_in_the_ten_communes_under_their_districts(demo):
    lines = Activity.objects.filter(
        campaign__code="DHPNBC-2018", kind__in=[ActivityKind.TRAINING, ActivityKind.COMMUNITY]
    )
    places = {(line.district.short_name, line.place.short_name) for line in lines.select_related("district", "place")}
    assert len(places) == 10
    assert {district for district, _commune in places} == {
        "Mường Lát",
        "Quan Sơn",
        "Quan Hóa",
        "Lang Chánh",
        "Thường Xuân",
    }
    assert set(lines.values_list("start_date__year", "end_date__year")) == {(2018, 2020)}


def test_an_older_demo_with_one_line_for_the_province_is_replaced(demo):
    first = Activity.objects.get(external_id="demo-thanhhoa-wu-training-01")
    Activity.objects.create(
        external_id="demo-thanhhoa-wu-training",
        kind=first.kind,
        title=first.title,
        start_date=first.start_date,
        place=first.province,
        sessions=25,
        status=first.status,
    )
    load_records()
    assert not Activity.objects.filter(external_id="demo-thanhhoa-wu-training").exists()
    assert totals(organisers__name=TH_WU, kind=ActivityKind.TRAINING)["sessions"] == 25


def test_each_demo_campaign_has_targets_with_every_status(demo):
    from reporting.stats import target_progress

    targets = Target.objects.select_related("campaign", "audience", "province")
    assert set(targets.values_list("campaign__code", flat=True)) == {
        "DHPNBC-2018",
        "CT193-2021",
        "TH-PCMBN-2016",
        "DN-PCMBN-2016",
    }
    statuses = {progress.status for progress in target_progress(list(targets))}
    assert {"met", "behind"} <= statuses
