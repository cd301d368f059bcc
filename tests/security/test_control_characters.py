"""Control characters: a vertical tab typed in the phone form or a NUL in an imported CSV
made every XLSX export of the province answer 500. Input is cleaned on the way in, and the
exports hold whatever is stored."""

from __future__ import annotations

import io

import pytest
from django.db import connection
from django.urls import reverse
from openpyxl import load_workbook

from access.roles import MANAGERS, TRAINERS
from campaigns.models import Activity
from campaigns.resources.activities import ActivityResource
from core.text import without_control_characters
from tests.factories import THANH_HOA, ActivityFactory, ParticipantFactory, staff
from tests.security.forms import form_data
from tests.trainings.test_record import form_data as phone_form_data
from tests.transfers.conftest import csv_file
from trainings.models import Participant
from transfers.service import run_import

pytestmark = pytest.mark.usefixtures("places")


def exported_titles(client, records: str) -> list:
    response = client.get(reverse("imports:export", args=[records]), {"format": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    return list(sheet.iter_rows(min_row=2, values_only=True))


def test_control_characters_are_removed_and_a_vertical_tab_is_a_space():
    assert without_control_characters("Họp dân\x0bbản\x0cNa Mèo\x00\x1f\x7f\x85") == "Họp dân bản Na Mèo"
    assert without_control_characters("Dòng 1\nDòng 2\tcột\r") == "Dòng 1\nDòng 2\tcột\r"


def test_a_vertical_tab_typed_in_the_phone_form_is_not_stored_and_exports_work(client):
    client.force_login(staff(TRAINERS, THANH_HOA))
    data = phone_form_data(
        title="Họp dân\x0bbản Na Mèo", notes="Ghi\x0bchú\x1b", **{"new-0-full_name": "Lò\x0bThị Mai"}
    )
    assert client.post("/record/", data).status_code == 302
    activity = Activity.objects.get()
    assert (activity.title, activity.notes) == ("Họp dân bản Na Mèo", "Ghi chú")
    assert Participant.objects.filter(full_name="Lò Thị Mai").exists()
    client.force_login(staff(MANAGERS, THANH_HOA))
    assert [row[2] for row in exported_titles(client, "activities")] == ["Họp dân bản Na Mèo"]
    assert "Lò Thị Mai" in [cell for row in exported_titles(client, "participants") for cell in row]


def test_a_nul_imported_from_a_csv_is_not_stored():
    row = "TH-1,Buổi truyền thông,Truyền thông\x00 bản\x0bNa Mèo,01/08/2025,,1,Thanh Hóa,,Na Mèo,,,,45,40,,Ghi\x00chú"
    report = run_import(ActivityResource, csv_file(row), name="hoat-dong.csv", user=staff(TRAINERS, THANH_HOA))
    assert report.ok, report.errors
    activity = Activity.objects.get(external_id="TH-1")
    assert (activity.title, activity.notes) == ("Truyền thông bản Na Mèo", "Ghichú")


def test_an_admin_form_stores_text_without_control_characters(client):
    client.force_login(staff(MANAGERS, THANH_HOA))
    activity = ActivityFactory(title="Tập huấn")
    url = f"/admin/activities/edit/{activity.pk}/"
    data = form_data(client.get(url).context["form"])
    data["title"] = "Tập huấn\x0bkỹ năng\x08"
    assert client.post(url, data).status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Tập huấn kỹ năng"


def test_exports_answer_whatever_was_stored_before(client):
    """Records written before input was cleaned (or by a script) still export."""
    stored = "Tập huấn\x0b\x1f\x08 bản Na Mèo" + ("\x00" if connection.vendor == "sqlite" else "")
    ActivityFactory(title=stored, notes="=1+1\x0c")
    ParticipantFactory(full_name="Lò\x0bThị Mai")
    client.force_login(staff(MANAGERS, THANH_HOA))
    [activity] = exported_titles(client, "activities")
    assert activity[2] == "Tập huấn bản Na Mèo"
    assert "'=1+1" in activity
    assert "LòThị Mai" in [cell for row in exported_titles(client, "participants") for cell in row]
    csv = client.get(reverse("imports:export", args=["activities"]), {"format": "csv"})
    assert csv.status_code == 200 and "Tập huấn" in b"".join(
        csv.streaming_content if csv.streaming else [csv.content]
    ).decode("utf-8-sig")
