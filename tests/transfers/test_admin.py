"""The admin pages: upload, dry run, confirm, progress, export with filters, template, sign-in sheet."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook

from access.roles import MANAGERS, TRAINERS
from campaigns.models import Activity
from tests.factories import SON_LA, THANH_HOA, ActivityFactory, ParticipantFactory, son_la_commune, staff
from tests.transfers.conftest import csv_file
from transfers.models import ImportJob

pytestmark = pytest.mark.usefixtures("vocabulary")
ROW = "TH-1,Buổi truyền thông,Truyền thông,01/08/2025,,1,Thanh Hóa,,Na Mèo,,,,45,40,,"


def upload(client, content: bytes, name="hoat-dong.csv"):
    return client.post(reverse("imports:upload", args=["activities"]), {"file": SimpleUploadedFile(name, content)})


def test_dry_run_then_confirm_stores_the_file(client):
    client.force_login(staff(TRAINERS, THANH_HOA))
    response = upload(client, csv_file(ROW).getvalue())
    job = ImportJob.objects.get()
    assert response.status_code == 302 and job.status == "checked"
    page = client.get(response.url)
    assert "Confirm" in page.content.decode() or "Xác nhận" in page.content.decode()
    assert Activity.objects.count() == 0
    client.post(response.url, {"action": "confirm"})
    job.refresh_from_db()
    assert job.status == "done" and Activity.objects.count() == 1


def test_refused_rows_are_listed_with_row_and_column(client):
    client.force_login(staff(TRAINERS, THANH_HOA))
    response = upload(client, csv_file(ROW.replace("45,40", "10,40")).getvalue())
    page = client.get(response.url).content.decode()
    assert "Trong đó nữ" in page and "<td>2</td>" in page
    assert ImportJob.objects.get().status == "refused"


@override_settings(IMPORTS_INLINE_ROWS=1)
def test_large_file_goes_to_the_background_task(client):
    client.force_login(staff(TRAINERS, THANH_HOA))
    rows = [ROW.replace("TH-1", f"TH-{n}") for n in range(5)]
    response = upload(client, csv_file(*rows).getvalue())
    job = ImportJob.objects.get()
    assert job.in_background and job.estimated_rows == 5
    client.post(response.url, {"action": "confirm"})  # the test settings run tasks at once
    assert Activity.objects.count() == 5


def test_progress_page_polls_while_running(client):
    user = staff(TRAINERS, THANH_HOA)
    client.force_login(user)
    job = ImportJob.objects.create(transfer="activities", user=user, file_name="x.csv", estimated_rows=100)
    job.status = "checking"
    job.save()
    page = client.get(reverse("imports:job", args=["activities", job.pk])).content.decode()
    assert 'http-equiv="refresh"' in page and "<progress" in page


def test_export_has_only_the_users_provinces_and_the_lists_filter(client):
    ActivityFactory(title="Na Mèo training", kind="training")
    ActivityFactory(title="Na Mèo fair", kind="fair")
    ActivityFactory(title="Sơn La", place=son_la_commune())
    client.force_login(staff(TRAINERS, THANH_HOA))
    response = client.get(reverse("imports:export", args=["activities"]), {"format": "xlsx", "kind": "fair"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    titles = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert titles == ["Na Mèo fair"]
    assert next(sheet.iter_rows(max_row=1, values_only=True))[0] == "Mã"


def test_participants_export_is_for_managers_not_trainers(client):
    ParticipantFactory()
    url = reverse("imports:export", args=["participants"])
    client.force_login(staff(TRAINERS, THANH_HOA))
    assert client.get(url, {"format": "csv"}).status_code in (302, 403)  # Wagtail redirects a refusal
    client.force_login(staff(MANAGERS, THANH_HOA))
    assert client.get(url, {"format": "csv"}).status_code == 200


def test_users_without_import_permission_are_refused(client):
    client.force_login(staff(MANAGERS, SON_LA))
    assert client.get(reverse("imports:upload", args=["campaigns"])).status_code in (302, 403)


def test_template_has_vietnamese_headers_an_example_and_a_guide(client):
    client.force_login(staff(TRAINERS, THANH_HOA))
    response = client.get(reverse("imports:template", args=["activities"]))
    book = load_workbook(io.BytesIO(response.content))
    data, guide = book.worksheets
    rows = list(data.iter_rows(values_only=True))
    assert rows[0][:3] == ("Mã", "Loại hoạt động", "Tên hoạt động") and rows[1][0] == "TH-2025-001"
    allowed = {row[0]: row[4] for row in guide.iter_rows(min_row=2, values_only=True)}
    assert "Kiểm tra, giám sát" in allowed["Loại hoạt động"]


def test_list_shows_import_and_export_buttons(client):
    client.force_login(staff(TRAINERS, THANH_HOA))
    page = client.get(reverse("activity:index")).content.decode()
    assert reverse("imports:upload", args=["activities"]) in page
    assert reverse("imports:export", args=["activities"]) in page


def test_each_activity_in_the_list_has_a_menu_with_its_sign_in_sheet(client):
    activity = ActivityFactory(status="planned")
    client.force_login(staff(TRAINERS, THANH_HOA))
    page = client.get(reverse("activity:index")).content.decode()
    assert f'href="{reverse("imports:sign_in_sheet", args=[activity.pk])}"' in page
    assert f'href="{reverse("activity:edit", args=[activity.pk])}"' in page


def test_sign_in_sheet_has_the_template_columns_and_numbered_rows(client):
    activity = ActivityFactory(status="planned", external_id="TH-9")
    client.force_login(staff(TRAINERS, THANH_HOA))
    page = client.get(reverse("imports:sign_in_sheet", args=[activity.pk])).content.decode()
    assert "TH-9" in page and "Họ và tên" in page and "[birth_year]" in page and '<td class="no">30</td>' in page
    pdf = client.get(reverse("imports:sign_in_sheet", args=[activity.pk]), {"format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_sign_in_sheet_of_another_province_is_not_found(client):
    activity = ActivityFactory(place=son_la_commune())
    client.force_login(staff(TRAINERS, THANH_HOA))
    assert client.get(reverse("imports:sign_in_sheet", args=[activity.pk])).status_code == 404


def test_upload_waits_in_the_private_imports_storage_and_progress_comes_from_the_cache(client):
    from django.core.files.storage import storages

    from transfers import jobs

    user = staff(TRAINERS, THANH_HOA)
    client.force_login(user)
    with override_settings(IMPORTS_INLINE_ROWS=1):
        upload(client, csv_file(ROW, ROW.replace("TH-1", "TH-2")).getvalue(), name="danh-sach Nguyễn Văn A.csv")
    job = ImportJob.objects.get()
    assert job.status == "checked" and job.stored_as == f"{job.pk}.upload"  # no person's name in the storage
    assert storages["imports"].exists(job.stored_as)
    job.status = "importing"  # as the worker, on another machine, sees it
    job.save()
    jobs.write_progress(job, 1)
    page = client.get(reverse("imports:job", args=["activities", job.pk])).content.decode()
    assert 'value="50"' in page  # 1 row of 2
    jobs.finish(job)
    assert not storages["imports"].exists(job.stored_as) and jobs.read_progress(job) == 0


def test_activity_edit_page_links_to_its_sign_in_sheet_and_not_trainers_to_the_filled_list(client):
    activity = ActivityFactory()
    client.force_login(staff(TRAINERS, THANH_HOA))
    page = client.get(reverse("activity:edit", args=[activity.pk])).content.decode()
    assert reverse("imports:sign_in_sheet", args=[activity.pk]) in page
    assert reverse("imports:sign_in_list", args=[activity.pk]) not in page
    client.force_login(staff(MANAGERS, THANH_HOA))
    page = client.get(reverse("activity:edit", args=[activity.pk])).content.decode()
    assert reverse("imports:sign_in_list", args=[activity.pk]) + "?format=xlsx" in page


def test_filled_sign_in_list_has_the_activitys_people_and_attendance_for_managers_only(client):
    from trainings.models import Attendance

    activity = ActivityFactory(external_id="TH-7")
    came, missed, elsewhere = (ParticipantFactory(full_name=name) for name in ("Lò Thị A", "Vi Văn B", "Hà Thị C"))
    Attendance.objects.create(activity=activity, participant=came, present=True)
    Attendance.objects.create(activity=activity, participant=missed, present=False)
    Attendance.objects.create(activity=ActivityFactory(), participant=elsewhere)
    url = reverse("imports:sign_in_list", args=[activity.pk])
    client.force_login(staff(TRAINERS, THANH_HOA))
    assert client.get(url).status_code in (302, 403)  # personal data: not for trainers
    client.force_login(staff(MANAGERS, SON_LA))
    assert client.get(url).status_code == 404  # another province's activity
    client.force_login(staff(MANAGERS, THANH_HOA))
    response = client.get(url, {"format": "xlsx"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    header = rows[0]
    lines = {row[header.index("Họ và tên")]: row for row in rows[1:]}
    assert set(lines) == {"Lò Thị A", "Vi Văn B"}
    activity_column, present_column = header.index("Mã hoạt động"), header.index("Có mặt")
    assert {name: (row[activity_column], row[present_column]) for name, row in lines.items()} == {
        "Lò Thị A": ("TH-7", "x"),
        "Vi Văn B": ("TH-7", "không"),
    }
