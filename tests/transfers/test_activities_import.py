"""Importing activities: Vietnamese input, all or nothing, idempotent, scoped, audited."""

import datetime
import io
import unicodedata

import pytest
from openpyxl import Workbook
from wagtail.models import ModelLogEntry

from access.roles import TRAINERS
from campaigns.models import Activity
from campaigns.resources.activities import ActivityResource
from places.models import Place
from tests.factories import NA_MEO, SON_LA, THANH_HOA, current_commune, staff
from tests.transfers.conftest import HEADER, csv_file
from transfers.service import run_import

pytestmark = pytest.mark.usefixtures("vocabulary")

ROW = "TH-1,Buổi truyền thông,Truyền thông di cư an toàn,01/08/2025,,1,Thanh Hóa,,Na Mèo,,,,45,40,,"


def run(file, **kwargs):
    return run_import(ActivityResource, file, name=kwargs.pop("name", "hoat-dong.csv"), **kwargs)


def test_row_of_vietnamese_input_is_stored():
    report = run(csv_file(ROW))
    assert report.ok, report.errors
    activity = Activity.objects.get(external_id="TH-1")
    assert activity.kind == "community"
    assert activity.start_date == datetime.date(2025, 8, 1)
    assert activity.place == current_commune(NA_MEO)
    assert activity.province.code == THANH_HOA
    assert (activity.participants, activity.female, activity.sessions) == (45, 40, 1)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("2.890", 2890), ("15.000", 15000), ("1.234.567", 1234567), ("  45 ", 45), ("2 890", 2890)],
)
def test_thousands_separator_is_a_dot(typed, expected):
    row = f'TH-1,Buổi truyền thông,T,01/08/2025,,1,Thanh Hóa,,Na Mèo,,,,"{typed}",,,'
    assert run(csv_file(row)).ok
    assert Activity.objects.get(external_id="TH-1").participants == expected


@pytest.mark.parametrize("typed", ["01/08/2025", "1/8/2025", "2025-08-01", " 01-08-2025 ", "01.08.2025"])
def test_dates_day_first_or_iso(typed):
    row = f"TH-1,Buổi truyền thông,T,{typed},,1,Thanh Hóa,,Na Mèo,,,,,,,"
    assert run(csv_file(row)).ok
    assert Activity.objects.get(external_id="TH-1").start_date == datetime.date(2025, 8, 1)


@pytest.mark.parametrize(
    "province",
    [
        "Thanh Hóa",
        "Thanh Hoá",  # old tone placement
        "thanh hoa",
        "Tỉnh Thanh Hóa",
        "38",
        unicodedata.normalize("NFD", "Thanh Hóa"),
        "  Thanh Hóa  ",
    ],
)
def test_province_as_people_write_it(province):
    row = f"TH-1,Buổi truyền thông,T,01/08/2025,,1,{province},,xã Na Mèo,,,,,,,"
    assert run(csv_file(row)).ok
    assert Activity.objects.get(external_id="TH-1").province.code == THANH_HOA


def test_commune_by_code_and_old_district():
    rows = [
        f"TH-1,Buổi truyền thông,T,01/08/2025,,1,Thanh Hóa,,{NA_MEO},,,,,,,",
        "TH-2,Lớp tập huấn,T,01/08/2019,,1,Thanh Hóa,Huyện Mường Lát,,,,,,,,",
    ]
    assert run(csv_file(*rows)).ok
    assert Activity.objects.get(external_id="TH-1").place.code == NA_MEO
    old = Activity.objects.get(external_id="TH-2")
    assert old.place.level == Place.Level.DISTRICT and old.district == old.place


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("Lớp tập huấn", "training"),
        ("lop tap huan", "training"),
        ("Sinh hoạt CLB", "club_meeting"),
        ("Phiên chợ truyền thông", "fair"),
        ("Hội thi", "contest"),
        ("Họp dân", "residents_meeting"),
        ('"Kiểm tra, giám sát"', "inspection"),
        ("residents_meeting", "residents_meeting"),
    ],
)
def test_kind_by_vietnamese_name_or_key(typed, kind):
    row = f"TH-1,{typed},T,01/08/2025,,1,Thanh Hóa,,Na Mèo,,,,,,,"
    assert run(csv_file(row)).ok
    assert Activity.objects.get(external_id="TH-1").kind == kind


def test_semicolon_delimiter_bom_and_key_headers():
    header = "[external_id];Loại hoạt động [kind];[title];Từ ngày;[province];Xã/Phường;Số lượt tham dự"
    file = csv_file("TH-1;Hội thi;Hội thi tìm hiểu;01/08/2025;Thanh Hóa;Na Mèo;2.890", header=header, bom=True)
    report = run(file)
    assert report.ok, report.errors
    assert Activity.objects.get(external_id="TH-1").participants == 2890


def test_xlsx_with_real_dates_and_numbers():
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append(["TH-1", "Họp dân", "Họp dân bản", datetime.datetime(2025, 8, 1), None, 1, "Thanh Hóa", None,
                  "Na Mèo", None, None, None, 2890, 1500, None, None])  # fmt: skip
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    report = run(buffer, name="hoat-dong.xlsx")
    assert report.ok, report.errors
    activity = Activity.objects.get(external_id="TH-1")
    assert (activity.start_date, activity.participants) == (datetime.date(2025, 8, 1), 2890)


def test_organisers_and_campaign_by_code():
    row = "TH-1,Lớp tập huấn,T,01/08/2025,,1,Thanh Hóa,,Na Mèo,dhpnbc-2025,Hội LHPN Thanh Hóa,,,,,"
    assert run(csv_file(row)).ok
    activity = Activity.objects.get(external_id="TH-1")
    assert activity.campaign.code == "DHPNBC-2025"
    assert [o.name for o in activity.organisers.all()] == ["Hội LHPN tỉnh Thanh Hóa"]


def test_one_bad_row_stores_nothing_and_every_bad_row_is_listed():
    rows = [
        ROW,
        "TH-2,Buổi truyền thông,T,31/02/2025,,1,Thanh Hóa,,Na Mèo,,,,,,,",
        "TH-3,Buổi truyền thông,T,01/08/2025,,1,Thanh Hoa Hoa,,Na Mèo,,,,,,,",
        "TH-4,Buổi truyền thông,T,01/08/2025,,1,Thanh Hóa,,Na Mèo,,,,10,20,,",
        "TH-5,Buổi truyền thông,T,01/08/2025,,1,Thanh Hóa,,Na Mèo,,,,,,,",
    ]
    report = run(csv_file(*rows))
    assert not report.ok
    assert Activity.objects.count() == 0
    where = sorted((error.row, error.column) for error in report.errors)
    assert where == [(3, "Từ ngày"), (4, "Tỉnh/Thành phố"), (5, "Trong đó nữ")]
    province_error = next(error for error in report.errors if error.row == 4)
    assert "Thanh Hóa" in province_error.message  # the nearest candidate is named


def test_refusal_messages_follow_the_interface_language():
    from django.utils import translation

    row = "TH-1,Buổi truyền thông,T,01/08/2025,,1,Thanh Hóa,,Na Mèo,,,,10,20,,"
    with translation.override("vi"):
        vi = run(csv_file(row)).errors[0].message
    with translation.override("en"):
        en = run(csv_file(row)).errors[0].message
    assert en == "Cannot be more than the number of participants."
    assert vi != en


def test_same_code_twice_in_a_file_is_refused():
    report = run(csv_file(ROW, ROW.replace("45,40", "50,40")))
    assert [(error.row, error.column) for error in report.errors] == [(3, "Mã")]
    assert Activity.objects.count() == 0


def test_unknown_column_refuses_the_file():
    report = run(csv_file(ROW, header=HEADER.replace("Ghi chú", "Ghi chu them")))
    assert "Ghi chu them" in report.refused
    assert Activity.objects.count() == 0


def test_dry_run_reports_without_storing():
    report = run(csv_file(ROW), dry_run=True)
    assert (report.ok, report.created, report.saved) == (True, 1, False)
    assert Activity.objects.count() == 0


def test_reimport_same_file_changes_nothing():
    rows = [ROW, "TH-2,Lớp tập huấn,Lớp,02/08/2025,,1,Thanh Hóa,,Na Mèo,DHPNBC-2025,Hội LHPN Thanh Hóa,,15,3,,"]
    assert run(csv_file(*rows)).created == 2
    before = {a.pk: a.updated_at for a in Activity.objects.all()}
    logs = ModelLogEntry.objects.count()
    again = run(csv_file(*rows))
    assert (again.created, again.updated, again.skipped) == (0, 0, 2)
    assert {a.pk: a.updated_at for a in Activity.objects.all()} == before
    assert ModelLogEntry.objects.count() == logs


def test_edited_row_updates_only_that_record():
    first = run(csv_file(ROW, "TH-2,Lớp tập huấn,Lớp,02/08/2025,,1,Thanh Hóa,,Na Mèo,,,,15,3,,"))
    assert first.created == 2
    edited = run(csv_file(ROW, "TH-2,Lớp tập huấn,Lớp,02/08/2025,,1,Thanh Hóa,,Na Mèo,,,,16,3,,"))
    assert (edited.created, edited.updated, edited.skipped) == (0, 1, 1)
    assert edited.changes[0].columns == ["Số lượt tham dự"]
    assert Activity.objects.get(external_id="TH-2").participants == 16


def test_import_writes_the_audit_log_without_personal_data():
    user = staff(TRAINERS, THANH_HOA)
    run(csv_file(ROW), user=user)
    activity = Activity.objects.get(external_id="TH-1")
    entry = ModelLogEntry.objects.get(object_id=str(activity.pk), content_type__model="activity")
    assert (entry.action, entry.user, entry.data) == ("wagtail.create", user, {"source": "import"})
    assert activity.recorded_by == user


def test_row_outside_the_users_provinces_is_refused():
    user = staff(TRAINERS, SON_LA)
    report = run(csv_file(ROW), user=user)
    assert [(error.row, error.column) for error in report.errors] == [(2, "Tỉnh/Thành phố")]
    assert Activity.objects.count() == 0


def test_code_of_another_provinces_record_is_refused():
    run(csv_file(ROW))
    user = staff(TRAINERS, SON_LA)
    report = run(csv_file(ROW.replace("Thanh Hóa,,Na Mèo", "Sơn La,,")), user=user)
    assert [(error.row, error.column) for error in report.errors] == [(2, "Mã")]
    assert Activity.objects.get(external_id="TH-1").province.code == THANH_HOA


def test_rows_are_fed_in_chunks_with_file_row_numbers_kept():
    rows = [ROW.replace("TH-1", f"TH-{n}") for n in range(1, 6)]
    rows[3] = rows[3].replace("45,40", "10,40")  # file row 5, in the third chunk of two rows
    rows.append(ROW.replace("TH-1", "TH-2"))  # the same code as file row 3, another chunk
    report = run(csv_file(*rows), chunk_rows=2)
    assert sorted((error.row, error.column) for error in report.errors) == [(5, "Trong đó nữ"), (7, "Mã")]
    assert report.rows == 6 and Activity.objects.count() == 0
    assert run(csv_file(*[ROW.replace("TH-1", f"TH-{n}") for n in range(1, 6)]), chunk_rows=2).created == 5


def test_blank_rows_are_ignored():
    report = run(csv_file(ROW, ",,,,,,,,,,,,,,,", ""))
    assert (report.ok, report.rows, report.created) == (True, 1, 1)


@pytest.mark.parametrize("typed", ["16/03/1999", "16/03/2091"])
def test_an_implausible_date_is_refused_as_the_phone_refuses_it(typed):
    row = f"TH-1,Buổi truyền thông,T,{typed},,1,Thanh Hóa,,Na Mèo,,,,,,,"
    report = run(csv_file(row))
    assert not report.ok
    assert [typed in error.message for error in report.errors] == [True]
    assert Activity.objects.count() == 0
