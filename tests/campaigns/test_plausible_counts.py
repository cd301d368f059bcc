"""One extra zero must not set a national headline to a trillion: counts above a plausible
limit (settings, with defaults) are refused by the model, so the phone, the imports and the
admin refuse them alike, on SQLite as on PostgreSQL; a count far above its activity's usual
range asks to be confirmed in forms and is named by the import's check."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from campaigns.conf import count_limit, usual_participants_per_session
from campaigns.models import Activity, Club, MaterialDistribution
from tests.factories import NA_MEO, current_commune
from tests.trainings.test_record_api import payload, send
from tests.transfers.conftest import csv_file, vocabulary  # noqa: F401 (a fixture)
from tests.transfers.test_activities_import import run

pytestmark = [pytest.mark.usefixtures("places"), pytest.mark.django_db]
TRILLION = 10**12


def line(participants: int, sessions: int = 1, code: str = "TH-1") -> str:
    return f"{code},Buổi truyền thông,Di cư an toàn,01/08/2025,,{sessions},Thanh Hóa,,Na Mèo,,,,{participants},,,"


def activity(**counts) -> Activity:
    when = datetime.date(2025, 8, 1)
    return Activity(kind="community", title="Buổi họp", start_date=when, place=current_commune(NA_MEO), **counts)


def test_a_trillion_participants_are_refused_through_the_phone(client, trainer):
    response = send(client, payload(new=[], participants=str(TRILLION)))
    assert response.status_code == 400
    message = response.json()["errors"]["participants"]
    assert "1.000.000.000.000" in message
    assert "10.000.000" in message
    assert "thừa một số 0" in message
    assert message.count("1.000.000.000.000") == 1  # one message, the same on every database
    assert "2147483647" not in message.replace(".", "")
    assert not Activity.objects.exists()


@pytest.mark.usefixtures("vocabulary")
def test_a_trillion_participants_are_refused_by_the_import():
    report = run(csv_file(line(TRILLION)))
    assert not report.ok
    assert [error.column for error in report.errors] == ["Số lượt tham dự"]
    assert "1.000.000.000.000" in report.errors[0].message
    assert not Activity.objects.exists()


@pytest.mark.parametrize(
    ("counts", "field"),
    [
        ({"sessions": 100_001}, "sessions"),
        ({"participants": 10_000_001}, "participants"),
        ({"female": 10_000_001}, "female"),
        ({"ethnic_minority": 2**40}, "ethnic_minority"),
    ],
)
def test_each_count_of_an_activity_has_a_limit(counts, field):
    with pytest.raises(ValidationError) as refused:
        activity(**counts).full_clean(exclude=["province"])
    assert list(refused.value.message_dict) == [field]


def test_copies_and_members_have_limits_too():
    distribution = MaterialDistribution(
        title="Tờ rơi", printed=TRILLION, place=current_commune(NA_MEO), start_date=datetime.date(2025, 8, 1)
    )
    with pytest.raises(ValidationError) as refused:
        distribution.full_clean(exclude=["province"])
    assert list(refused.value.message_dict) == ["printed"]
    club = Club(name="CLB Na Mèo", place=current_commune(NA_MEO), member_count=10**9)
    with pytest.raises(ValidationError) as refused:
        club.full_clean(exclude=["province"])
    assert list(refused.value.message_dict) == ["member_count"]


def test_the_limits_are_settings(settings):
    settings.CAMPAIGNS_COUNT_LIMITS = {"participants": 100}
    activity(participants=100).full_clean(exclude=["province"])
    with pytest.raises(ValidationError):
        activity(participants=101).full_clean(exclude=["province"])


def test_a_count_within_the_limits_is_stored_as_it_was(client, trainer):
    response = send(client, payload(new=[], participants="9000", confirm_counts=True))
    assert response.status_code == 201
    assert Activity.objects.get().participants == 9000


def test_an_unusual_count_on_the_phone_asks_for_confirmation(client, trainer):
    refused = send(client, payload(new=[], participants="3000"))
    assert refused.status_code == 400
    assert "Tôi đã kiểm tra: các con số này đúng" in refused.json()["errors"]["participants"]
    assert not Activity.objects.exists()
    confirmed = send(client, payload(new=[], participants="3000", confirm_counts=True))
    assert confirmed.status_code == 201
    assert Activity.objects.get().participants == 3000


def test_the_usual_range_depends_on_the_kind(client, trainer):
    assert send(client, payload(new=[], kind="fair", participants="3000")).status_code == 201


def test_an_unusual_count_in_the_admin_asks_for_confirmation(client, trainer):
    form = {
        "kind": "community",
        "status": "held",
        "title": "Truyền thông đông người",
        "start_date": "2025-08-02",
        "sessions": "1",
        "place": current_commune(NA_MEO).pk,
        "participants": "3000",
        "attendances-TOTAL_FORMS": "0",
        "attendances-INITIAL_FORMS": "0",
        "attendances-MIN_NUM_FORMS": "0",
        "attendances-MAX_NUM_FORMS": "1000",
    }
    asked = client.post("/admin/activities/new/", form)
    assert asked.status_code == 200
    assert "participants" in asked.context["form"].errors
    assert 'name="confirm_counts"' in asked.content.decode()
    assert not Activity.objects.exists()
    saved = client.post("/admin/activities/new/", {**form, "confirm_counts": "on"})
    assert saved.status_code == 302
    assert Activity.objects.get().participants == 3000


@pytest.mark.usefixtures("vocabulary")
def test_the_import_check_names_an_unusual_count_without_refusing_it():
    report = run(csv_file(line(45), line(3000, code="TH-2")), dry_run=True)
    assert report.ok
    assert [(warning.row, warning.column) for warning in report.warnings] == [(3, "Số lượt tham dự")]
    assert "3.000" in report.warnings[0].message
    stored = run(csv_file(line(45), line(3000, code="TH-2")))
    assert stored.saved
    assert Activity.objects.get(external_id="TH-2").participants == 3000


def test_without_the_settings_the_documented_limits_hold(settings):
    del settings.CAMPAIGNS_COUNT_LIMITS
    del settings.CAMPAIGNS_USUAL_PARTICIPANTS_PER_SESSION
    assert (count_limit("participants"), usual_participants_per_session("fair")) == (10_000_000, 5_000)
