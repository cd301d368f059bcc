"""The phone's offline queue sends each record as JSON: same validation and scoping as the
form, idempotent by the UUID the phone made, and clear answers for an ended session."""

import json
import logging
import uuid

import pytest
from django.test import Client

from access.roles import EDITORS
from campaigns.models import Activity, ActivityKind, Club
from places.models import Place
from tests.factories import NA_MEO, THANH_HOA, ParticipantFactory, current_commune, son_la_commune, staff
from trainings import submission
from trainings.models import Attendance, Participant

pytestmark = pytest.mark.usefixtures("places")
SUBMIT = "/record/api/activities/"
DATA = "/record/api/data/"


def payload(**overrides) -> dict:
    body = {
        "client_uuid": str(uuid.uuid4()),
        "kind": "community",
        "title": "Truyền thông ở bản Na Mèo",
        "start_date": "2025-09-10",
        "place": current_commune(NA_MEO).pk,
        "audiences": [],
        "present": [],
        "new": [
            {"full_name": "Lò Thị Mai", "gender": "female", "birth_year": "1998", "ethnicity": "Thái"},
            {"full_name": "Vi Văn Sơn", "gender": "male", "ethnicity": "Kinh"},
        ],
    }
    body.update(overrides)
    return body


def send(client, body, **extra):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(SUBMIT, data, content_type="application/json", **extra)


def test_a_queued_record_is_stored_with_its_sign_in_list(client, trainer):
    known = ParticipantFactory(full_name="Hà Thị Lan")
    body = payload(present=[known.pk])
    response = send(client, body)
    activity = Activity.objects.get(client_uuid=body["client_uuid"])
    assert response.status_code == 201
    assert response.json() == {"status": "stored", "id": activity.pk, "url": f"/record/{activity.pk}/"}
    assert (activity.participants, activity.female, activity.recorded_by) == (3, 2, trainer)
    assert Attendance.objects.filter(activity=activity).count() == 3


def test_the_same_record_sent_again_is_already_stored(client, trainer):
    body = payload()
    first = send(client, body)
    again = send(client, body)
    assert again.status_code == 200
    assert again.json()["status"] == "already stored"
    assert again.json()["id"] == first.json()["id"]
    assert Activity.objects.count() == 1
    assert Participant.objects.filter(full_name="Lò Thị Mai").count() == 1


def test_the_same_record_arriving_twice_at_once_is_stored_once(client, trainer, monkeypatch):
    """The race: the second request looked for the UUID before the first had saved it, so
    it reaches the database's unique constraint, and still answers "already stored"."""
    body = payload()
    send(client, body)
    real = submission.stored_with
    lookups = []

    def not_yet_on_first_look(key, user):
        lookups.append(key)
        return None if len(lookups) == 1 else real(key, user)

    monkeypatch.setattr(submission, "stored_with", not_yet_on_first_look)
    again = send(client, body)
    assert len(lookups) == 2
    assert again.status_code == 200
    assert again.json()["status"] == "already stored"
    assert Activity.objects.count() == 1
    assert Participant.objects.filter(full_name="Lò Thị Mai").count() == 1


def test_a_different_record_under_a_used_uuid_is_a_conflict(client, trainer):
    body = payload()
    send(client, body)
    response = send(client, {**body, "title": "Một buổi khác"})
    assert response.status_code == 409
    assert response.json()["status"] == "conflict"
    assert list(Activity.objects.values_list("title", flat=True)) == ["Truyền thông ở bản Na Mèo"]


def test_a_refused_record_says_why_in_vietnamese(client, trainer):
    response = send(client, payload(new=[], participants="3", female="5"))
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == "refused"
    assert "female" in body["errors"]
    assert body["reason"].startswith("Trong đó nữ:")
    assert not Activity.objects.exists()


def test_a_commune_of_another_province_is_refused(client, trainer):
    response = send(client, payload(place=son_la_commune().pk))
    assert response.status_code == 400
    assert "place" in response.json()["errors"]
    assert not Participant.objects.filter(full_name="Lò Thị Mai").exists()


def test_a_person_of_another_province_cannot_be_ticked(client, trainer):
    stranger = ParticipantFactory(full_name="Cầm Thị Xuân", commune=son_la_commune())
    response = send(client, payload(present=[stranger.pk]))
    assert response.status_code == 400
    assert "present" in response.json()["errors"]
    assert not Activity.objects.exists()


@pytest.mark.parametrize("body", ["not json", json.dumps([1, 2]), json.dumps({"title": "x", "client_uuid": "12"})])
def test_unreadable_submissions_are_refused_clearly(client, trainer, body):
    response = send(client, body)
    assert response.status_code == 400
    assert response.json()["status"] == "refused"


def test_an_ended_session_answers_401_in_json(client):
    response = send(client, payload())
    assert response.status_code == 401
    assert response.json()["status"] == "signed out"


def test_users_who_may_not_record_get_403_in_json(client):
    client.force_login(staff(EDITORS))
    assert send(client, payload()).status_code == 403


def test_the_json_endpoint_requires_the_csrf_token(trainer):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(trainer)
    assert send(browser, payload()).status_code == 403
    token = browser.get("/record/api/session/").json()["csrf"]
    assert send(browser, payload(), HTTP_X_CSRFTOKEN=token).status_code == 201


def test_no_names_are_logged(client, trainer, caplog):
    caplog.set_level(logging.DEBUG)
    send(client, payload())
    send(client, payload(new=[{"full_name": "Lò Thị Mai", "gender": "x"}]))
    assert "Lò Thị Mai" not in caplog.text


def test_data_for_the_phone_holds_only_the_users_provinces(client, trainer):
    ours = ParticipantFactory(full_name="Hà Thị Lan")
    ParticipantFactory(full_name="Cầm Thị Xuân", commune=son_la_commune())
    Club.objects.create(name="CLB Na Mèo", place=current_commune(NA_MEO))
    Club.objects.create(name="CLB Sơn La", place=son_la_commune())
    response = client.get(DATA)
    data = response.json()
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("no-store") or "no-store" in response["Cache-Control"]
    assert data["people"] == [[ours.pk, "Hà Thị Lan", None, ours.commune_id]]
    assert [club[1] for club in data["clubs"]] == ["CLB Na Mèo"]
    provinces = {commune[2] for commune in data["communes"]}
    assert provinces == {Place.objects.get(is_current=True, level="province", code=THANH_HOA).short_name}


def test_data_for_an_ended_session_is_401(client):
    assert client.get(DATA).status_code == 401


def test_a_club_meeting_and_an_ethnic_minority_count_are_stored(client, trainer):
    club = Club.objects.create(name="CLB Na Mèo", place=current_commune(NA_MEO))
    body = payload(kind=ActivityKind.CLUB_MEETING, club=club.pk, new=[], participants="20", ethnic_minority="12")
    assert send(client, body).status_code == 201
    activity = Activity.objects.get()
    assert (activity.club, activity.participants, activity.ethnic_minority) == (club, 20, 12)


def test_a_club_of_another_province_is_refused(client, trainer):
    club = Club.objects.create(name="CLB Sơn La", place=son_la_commune())
    response = send(client, payload(kind=ActivityKind.CLUB_MEETING, club=club.pk))
    assert response.status_code == 400
    assert "club" in response.json()["errors"]


def test_a_malformed_uuid_on_the_form_is_a_form_error_not_a_crash(client, trainer):
    response = client.post(
        "/record/",
        {"kind": "community", "title": "Buổi họp", "start_date": "2025-09-10", "client_uuid": "not-a-uuid"},
    )
    assert response.status_code == 400
    assert "client_uuid" in response.context["form"].errors
    assert "Mã của biểu mẫu không hợp lệ" in response.content.decode()
    assert not Activity.objects.exists()


def test_the_service_worker_precaches_no_personal_page(client):
    response = client.get("/record/sw.js")
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    precache = json.loads(body.split("var PRECACHE = ")[1].split(";\n")[0])
    assert "/record/shell/" in precache and "/record/offline/" in precache
    assert not [url for url in precache if url in ("/record/", "/record/api/data/") or url.startswith("/admin/")]
    assert 'request.method !== "GET"' in body


def test_the_shell_has_no_names_in_it(client, trainer):
    ParticipantFactory(full_name="Hà Thị Lan")
    response = client.get("/record/shell/")
    assert response.status_code == 200
    assert "Hà Thị Lan" not in response.content.decode()
    assert "Hà Thị Lan" in client.get("/record/").content.decode()
