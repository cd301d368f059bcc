"""Public answers are kept in the cache by their question and the data version: asked again
they cost no query and no new suppression or perturbation; every write moves the version, so
the next answer counts it; the API and the public pages share the answers."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.models import Activity, ActivityKind
from campaigns.resources.clubs import ClubResource
from campaigns.services import save_activity, update_activities
from reporting.stats import Filters, perturbation, totals
from reporting.stats import cache as answers
from tests.factories import ActivityFactory, ClubFactory, DistributionFactory, OrganiserFactory, current_commune, staff
from tests.transfers.conftest import csv_file
from transfers.service import run_import

pytestmark = pytest.mark.usefixtures("places")


@pytest.fixture(autouse=True)
def kept(settings):
    settings.PUBLIC_TOTALS_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def records():
    ActivityFactory(sessions=2, participants=30)
    ActivityFactory(sessions=1, participants=120, start_date=datetime.date(2025, 9, 3))


def queries(call) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        answer = call()
    return len(captured.captured_queries), answer


def test_a_public_answer_asked_again_costs_no_query_and_no_new_perturbation(records, monkeypatch):
    perturbed = []
    real = perturbation.perturb_cell
    monkeypatch.setattr(perturbation, "perturb_cell", lambda *a: (perturbed.append(1), real(*a)))
    first, answer = queries(lambda: totals(["province"], public=True))
    cells = len(perturbed)
    again, same = queries(lambda: totals(["province"], public=True))
    assert (first > 0, again, len(perturbed), same.rows) == (True, 0, cells, answer.rows)
    assert answer.total["participants"] == 150


def test_another_question_is_another_answer(records):
    totals(["province"], public=True)
    count, answer = queries(lambda: totals(["province"], Filters(date_from=datetime.date(2025, 9, 1)), public=True))
    assert count > 0 and answer.total["participants"] == 120


def test_an_activity_written_is_in_the_next_answer(records):
    assert totals(public=True).total["participants"] == 150
    activity = Activity(kind=ActivityKind.COMMUNITY, title="Họp dân", start_date=datetime.date(2025, 9, 9))
    activity.place, activity.participants = current_commune("15013"), 25
    save_activity(activity, user=None)
    assert totals(public=True).total["participants"] == 175
    update_activities(Activity.objects.filter(pk=activity.pk), user=None, participants=5)
    assert totals(public=True).total["participants"] == 155


def test_a_club_or_a_distribution_saved_is_in_the_next_answer(records):
    before = totals(public=True).total
    ClubFactory(place=current_commune("15013"))
    DistributionFactory(distributed=300)
    after = totals(public=True).total
    assert (after["clubs"] - (before["clubs"] or 0), after["leaflets_distributed"]) == (1, 300)


def test_a_write_moves_the_version_again_when_it_commits(records, django_capture_on_commit_callbacks):
    version = answers.data_version()
    with django_capture_on_commit_callbacks(execute=True):
        ActivityFactory(participants=3)
        assert answers.data_version() == version + 1
    assert answers.data_version() == version + 2


def test_staff_answers_are_never_kept(records):
    manager = staff("Quản lý", "38")
    totals(["province"], user=manager)
    count, _answer = queries(lambda: totals(["province"], user=manager))
    assert count > 0


def test_the_api_and_the_pages_share_the_answers(client, records):
    first = client.get("/api/v1/stats/totals/", {"by": "province"})
    count, again = queries(lambda: client.get("/api/v1/stats/totals/", {"by": "province"}))
    assert (first.status_code, again.json(), count) == (200, first.json(), 0)
    assert queries(lambda: totals(["province"], public=True))[0] == 0  # what the statistics page asks


def test_an_import_of_clubs_written_in_bulk_is_in_the_next_answer():
    OrganiserFactory(name="Hội LHPN tỉnh Thanh Hóa", short_name="Hội LHPN Thanh Hóa")
    header = "Mã,Tên câu lạc bộ,Tỉnh/Thành phố,Xã/Phường,Ngày thành lập,Đơn vị tổ chức,Tình trạng,Số thành viên"
    assert totals(public=True).total["clubs"] == 0
    file = csv_file("CLB-1,CLB Na Mèo,Thanh Hóa,Na Mèo,15/03/2024,Hội LHPN Thanh Hóa,Đang hoạt động,25", header=header)
    assert run_import(ClubResource, file, name="c.csv").created == 1
    assert totals(public=True).total["clubs"] == 1
