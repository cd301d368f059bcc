"""The trainer's phone form: one activity with its sign-in list."""

import datetime
import uuid

import pytest
from wagtail.models import ModelLogEntry

from access.roles import EDITORS
from campaigns.models import Activity, Audience, Campaign
from tests.factories import NA_MEO, THANH_HOA, ParticipantFactory, current_commune, son_la_commune, staff
from trainings.models import Attendance, Participant

pytestmark = pytest.mark.usefixtures("places")
URL = "/record/"


def form_data(**overrides) -> dict:
    data = {
        "kind": "community",
        "title": "Truyền thông tại bản Na Mèo",
        "start_date": "2025-09-10",
        "place": current_commune(NA_MEO).pk,
        "client_uuid": str(uuid.uuid4()),
        "new-TOTAL_FORMS": "2",
        "new-INITIAL_FORMS": "0",
        "new-MIN_NUM_FORMS": "0",
        "new-MAX_NUM_FORMS": "200",
        "new-0-full_name": "Lò Thị Mai",
        "new-0-gender": "female",
        "new-0-birth_year": "1998",
        "new-0-ethnicity": "Thái",
        "new-1-full_name": "Vi Văn Sơn",
        "new-1-gender": "male",
        "new-1-ethnicity": "Kinh",
    }
    data.update(overrides)
    return data


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_users_who_may_not_record_are_refused(client):
    client.force_login(staff(EDITORS))
    assert client.get(URL).status_code == 403


def test_form_offers_only_communes_of_the_trainers_provinces(client, trainer):
    response = client.get(URL)
    places = response.context["form"].fields["place"].queryset
    assert response.status_code == 200
    assert places.filter(pk=current_commune(NA_MEO).pk).exists()
    assert not places.exclude(province__code=THANH_HOA).exists()


def test_recording_with_ticked_and_new_attendees(client, trainer):
    known = ParticipantFactory(full_name="Hà Thị Lan")
    audience = Audience.objects.create(code="residents", name="Người dân")
    response = client.post(URL, form_data(present=[known.pk], audiences=[audience.pk], participants="99"))
    activity = Activity.objects.get(title="Truyền thông tại bản Na Mèo")
    assert response.status_code == 302
    assert response["Location"] == f"/record/{activity.pk}/"
    # The sign-in list decides the counts: 3 present, 2 women, 1 not Kinh… plus the known Thái woman.
    assert (activity.participants, activity.female, activity.ethnic_minority) == (3, 2, 2)
    assert activity.recorded_by == trainer
    assert activity.province.code == THANH_HOA
    assert list(activity.audiences.all()) == [audience]
    assert Attendance.objects.filter(activity=activity).count() == 3
    assert Participant.objects.filter(full_name="Lò Thị Mai", commune__code=NA_MEO, birth_year=1998).exists()


def test_the_same_draft_sent_twice_is_saved_once(client, trainer):
    data = form_data()
    first = client.post(URL, data)
    second = client.post(URL, data)
    assert first["Location"] == second["Location"]
    assert Activity.objects.filter(title="Truyền thông tại bản Na Mèo").count() == 1
    assert Participant.objects.filter(full_name="Lò Thị Mai").count() == 1


def test_a_commune_outside_the_trainers_provinces_is_refused(client, trainer):
    response = client.post(URL, form_data(place=son_la_commune().pk))
    assert response.status_code == 200
    assert "place" in response.context["form"].errors
    assert not Activity.objects.exists()
    assert not Participant.objects.filter(full_name="Lò Thị Mai").exists()


def test_more_women_than_participants_is_refused(client, trainer):
    data = form_data(participants="10", female="12")
    for key in list(data):
        if key.startswith("new-") and key[4].isdigit():
            del data[key]
    data["new-TOTAL_FORMS"] = "0"
    response = client.post(URL, data)
    assert response.status_code == 200
    assert "female" in response.context["form"].errors
    assert not Activity.objects.exists()


def test_recording_is_in_the_audit_log_without_names(client, trainer):
    client.post(URL, form_data())
    activity = Activity.objects.get()
    entries = ModelLogEntry.objects.filter(object_id=str(activity.pk)).order_by("id")
    assert [entry.action for entry in entries] == ["wagtail.create", "campaigns.attendance"]
    assert entries[1].data == {"present": 2, "new": 2}
    assert all(entry.user_id == trainer.pk for entry in entries)
    assert "Lò Thị Mai" not in str([entry.data for entry in entries])


def test_saved_page_confirms_the_record(client, trainer):
    response = client.post(URL, form_data(), follow=True)
    html = response.content.decode()
    assert "Truyền thông tại bản Na Mèo" in html
    assert "Na Mèo" in html


def test_saved_page_warns_when_the_date_is_outside_the_campaigns_period(client, trainer):
    campaign = Campaign.objects.create(
        code="DHPNBC-2018", name="Đồng hành", start_date=datetime.date(2018, 1, 1), end_date=datetime.date(2020, 12, 31)
    )
    response = client.post(URL, form_data(campaign=campaign.pk, start_date="2026-03-01"), follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="warning"' in html and "nằm ngoài thời gian của chương trình" in html
    assert Activity.objects.get(campaign=campaign).start_date == datetime.date(2026, 3, 1)  # saved all the same
