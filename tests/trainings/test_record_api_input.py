"""What the phone's queue sends is read whole or refused whole: a part that cannot be read
refuses the record with the reason (a list lost behind "stored" is worse than a refusal),
and hostile JSON is a 400 with a reason (the queue keeps retrying only what may succeed later)."""

import json

import pytest

from campaigns.models import Activity
from tests.trainings.test_record_api import payload, send
from trainings.models import Participant

pytestmark = [pytest.mark.usefixtures("places"), pytest.mark.django_db]


@pytest.mark.parametrize(
    ("part", "value"),
    [
        ("new", "Nguyễn Văn A"),
        ("new", {"full_name": "Nguyễn Văn A"}),
        ("new", ["Nguyễn Văn A"]),
        ("new", [{"full_name": ["Nguyễn", "Văn A"]}]),
        ("new", [{"full_name": "Nguyễn Văn A", "phone_number": "0912345678"}]),
        ("present", "12"),
        ("present", [{"id": 12}]),
        ("audiences", {"a": 1}),
        ("title", {"vi": "Buổi truyền thông"}),
        ("participants", [30]),
        ("female", True),
        ("signed_by", "Nguyễn Văn A"),
    ],
)
def test_a_part_that_cannot_be_read_refuses_the_whole_record(client, trainer, part, value):
    response = send(client, payload(**{part: value}))
    body = response.json()
    assert response.status_code == 400
    assert body["status"] == "refused"
    assert part in body["errors"]
    assert body["reason"]
    assert not Activity.objects.exists()
    assert not Participant.objects.exists()


def test_the_reason_for_a_sign_in_list_in_the_wrong_shape_is_in_vietnamese(client, trainer):
    response = send(client, payload(new="Nguyễn Văn A"))
    assert response.status_code == 400
    assert response.json()["reason"] == "Danh sách người mới: không đọc được (cần một danh sách các dòng)."


def test_empty_parts_are_still_read_as_empty(client, trainer):
    response = send(client, payload(new=None, present=None, audiences=None, participants="4", notes=None))
    assert response.status_code == 201
    assert Activity.objects.get().participants == 4


def test_numbers_may_come_as_numbers(client, trainer):
    response = send(client, payload(new=[{"full_name": "Lò Thị Mai", "gender": "female", "birth_year": 1998}]))
    assert response.status_code == 201
    assert Participant.objects.get().birth_year == 1998


@pytest.mark.parametrize("depth", [100_000, 2_000, 50])
def test_deeply_nested_json_is_refused_with_a_reason(client, trainer, depth):
    body = payload(new=None)
    nested = "[" * depth + "]" * depth
    text = json.dumps(body)[:-1] + ', "notes": ' + nested + "}"
    response = send(client, text)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["status"] == "refused"
    assert response.json()["reason"]
    assert not Activity.objects.exists()
