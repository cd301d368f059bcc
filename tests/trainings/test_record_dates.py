"""Dates on the phone form: read day first in every language, and refused when they cannot be
right (before 2000, after today and a small margin), by the model, so every path refuses alike."""

import datetime
import json
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from campaigns.models import Activity
from tests.factories import NA_MEO, ActivityFactory, current_commune

pytestmark = pytest.mark.usefixtures("places")


def form_data(start_date: str) -> dict:
    return {
        "kind": "community",
        "title": "Lớp tập huấn cho nạn nhân trở về",
        "start_date": start_date,
        "place": current_commune(NA_MEO).pk,
        "client_uuid": str(uuid.uuid4()),
        "new-TOTAL_FORMS": "0",
        "new-INITIAL_FORMS": "0",
        "new-MIN_NUM_FORMS": "0",
        "new-MAX_NUM_FORMS": "200",
        "participants": "52",
    }


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("typed", ["16/3/2019", "16/03/2019", "16-03-2019", "2019-03-16"])
def test_the_form_reads_the_day_first_in_either_language(client, trainer, language, typed):
    response = client.post("/record/", form_data(typed), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302
    assert list(Activity.objects.values_list("start_date", flat=True)) == [datetime.date(2019, 3, 16)]


def test_the_form_shows_its_date_day_first_as_text(client, trainer):
    response = client.get("/record/")
    box = response.context["form"]["start_date"]
    assert 'type="text"' in str(box)
    assert timezone.localdate().strftime("%d/%m/%Y") in str(box)


def test_a_year_of_five_digits_is_refused_saying_how_to_write_it(client, trainer):
    response = client.post("/record/", form_data("16/03/32019"), HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    assert response.context["form"].errors["start_date"] == [
        "Đây không phải ngày hợp lệ. Hãy viết ngày trước, dạng dd/mm/yyyy: 16/03/2016."
    ]
    assert Activity.objects.count() == 0


def test_a_date_before_2000_is_refused_by_the_phone_api(client, trainer):
    body = {**form_data("1999-12-31"), "new": []}
    for key in [key for key in body if key.startswith("new-")]:
        del body[key]
    response = client.post("/record/api/activities/", json.dumps(body), content_type="application/json")
    assert response.status_code == 400
    assert "31/12/1999" in response.json()["errors"]["start_date"]
    assert Activity.objects.count() == 0


def test_a_held_activity_dated_after_the_margin_is_refused_by_the_model():
    activity = ActivityFactory.build(start_date=timezone.localdate() + datetime.timedelta(days=3))
    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            activity.full_clean()
        message = refused.value.message_dict["start_date"][0]
    assert "is in the future" in message
    assert "dd/mm/yyyy" in message


def test_a_held_activity_within_the_margin_is_kept():
    activity = ActivityFactory.build(start_date=timezone.localdate() + datetime.timedelta(days=2))
    activity.full_clean()
    assert activity.start_date > timezone.localdate()


def test_a_planned_activity_may_be_dated_later():
    day = timezone.localdate() + datetime.timedelta(days=90)
    activity = ActivityFactory.build(start_date=day, status=Activity.Status.PLANNED)
    activity.full_clean()
    assert activity.start_date == day


def test_the_end_of_a_batch_before_2000_is_refused():
    activity = ActivityFactory.build(start_date=datetime.date(1998, 1, 1), end_date=datetime.date(1999, 1, 1))
    with pytest.raises(ValidationError) as refused:
        activity.full_clean()
    assert set(refused.value.message_dict) == {"start_date", "end_date"}


def test_the_margin_is_a_setting(settings):
    settings.CAMPAIGNS_FUTURE_DAYS = 10
    activity = ActivityFactory.build(start_date=timezone.localdate() + datetime.timedelta(days=9))
    activity.full_clean()
    assert activity.start_date > timezone.localdate()


def test_the_script_says_a_date_in_words_in_the_readers_language():
    from trainings.views import date_texts

    with translation.override("vi"):
        assert date_texts()["date_words"] == "ngày {day} tháng {month} năm {year}"
    with translation.override("en"):
        texts = date_texts()
        assert (texts["date_words"], texts["months"][2]) == ("{day} {month_name} {year}", "March")
