"""The phone form reads counts as trainers type them: "2.000" is two thousand."""

import uuid

import pytest

from campaigns.models import Activity
from tests.factories import NA_MEO, current_commune

pytestmark = pytest.mark.usefixtures("places")


def form_data(**overrides) -> dict:
    data = {
        "kind": "community",
        "title": f"Truyền thông ở Na Mèo {uuid.uuid4().hex[:6]}",
        "start_date": "2025-09-10",
        "place": current_commune(NA_MEO).pk,
        "client_uuid": str(uuid.uuid4()),
        "new-TOTAL_FORMS": "0",
        "new-INITIAL_FORMS": "0",
        "new-MIN_NUM_FORMS": "0",
        "new-MAX_NUM_FORMS": "200",
    }
    data.update(overrides)
    return data


def test_counts_with_dots_between_thousands_are_stored_whole(client, trainer):
    # Two thousand at one session is above the usual: confirmed (tests/campaigns/test_plausible_counts.py).
    data = form_data(participants="2.000", female="1 200", confirm_counts="on")
    assert client.post("/record/", data).status_code == 302
    activity = Activity.objects.get(title=data["title"])
    assert (activity.participants, activity.female) == (2000, 1200)


def test_a_count_with_a_decimal_part_is_refused_saying_how_to_write_it(client, trainer):
    data = form_data(participants="2,5")
    response = client.post("/record/", data)
    assert response.status_code == 200
    assert "2.000" in response.context["form"].errors["participants"][0]
    assert not Activity.objects.filter(title=data["title"]).exists()


def test_counts_are_text_boxes_with_the_digit_keyboard(client, trainer):
    html = client.get("/record/").content.decode()
    for name in ("participants", "female"):
        assert f'type="text" name="{name}"' in html
    assert 'inputmode="numeric"' in html
