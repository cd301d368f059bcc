"""The dry run before an import: how each cell was read, the template's example row left
in the file, and organisers typed as people type them."""

import io
import pickle

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from access.roles import TRAINERS
from campaigns.models import Activity, Club
from campaigns.resources.activities import ActivityResource
from tests.factories import THANH_HOA, ClubFactory, OrganiserFactory, son_la_commune, staff
from tests.transfers.conftest import csv_file
from transfers import preview
from transfers.models import ImportJob
from transfers.service import run_import
from transfers.template_workbook import template_xlsx

pytestmark = pytest.mark.usefixtures("vocabulary")

# Typed as a provincial officer types: a date without its zero, a thousands dot, a commune
# without diacritics, the kind in lower case, the organiser spelled out without diacritics.
TYPED = (
    "TH-1,buoi truyen thong,Truyền thông,16/3/2016,,1,thanh hoa,,xa na meo,dhpnbc-2025,"
    'hoi lien hiep phu nu thanh hoa,,"2.000",,,'
)


def run(file, **kwargs):
    return run_import(ActivityResource, file, name=kwargs.pop("name", "hoat-dong.csv"), **kwargs)


def readings(report, row: int = 2) -> dict[str, tuple[str, str, str]]:
    reading = next(reading for reading in report.readings if reading.row == row)
    return {cell.column: (cell.typed, cell.read, cell.detail) for cell in reading.cells}


def upload(client, content: bytes, name="hoat-dong.csv"):
    response = client.post(reverse("imports:upload", args=["activities"]), {"file": SimpleUploadedFile(name, content)})
    return client.get(response.url).content.decode()


def test_dry_run_says_how_each_cell_was_read():
    with translation.override("vi"):
        report = run(csv_file(TYPED), dry_run=True)
    assert report.ok, report.errors
    cells = readings(report)
    assert cells["Từ ngày"] == ("16/3/2016", "16/03/2016", "ngày 16, tháng 3, năm 2016")
    assert cells["Số lượt tham dự"][:2] == ("2.000", "2000")
    assert cells["Xã/Phường"][:2] == ("xa na meo", "Xã Na Mèo (Thanh Hóa, từ 1/7/2025)")
    assert cells["Loại hoạt động"][:2] == ("buoi truyen thong", "Buổi truyền thông")
    assert cells["Chương trình"][:2] == ("dhpnbc-2025", "Đề án phòng, chống mua bán người")
    assert cells["Đơn vị tổ chức"][:2] == ("hoi lien hiep phu nu thanh hoa", "Hội LHPN tỉnh Thanh Hóa")
    assert "Tên hoạt động" not in cells  # text is read as typed: not repeated


def test_a_real_import_keeps_no_readings():
    report = run(csv_file(TYPED))
    assert report.saved and report.readings == []


def test_the_preview_page_shows_the_readings_before_the_confirm_button(client):
    client.force_login(staff(TRAINERS, THANH_HOA))
    page = upload(client, csv_file(TYPED).getvalue())
    assert ImportJob.objects.get().status == "checked" and Activity.objects.count() == 0
    readings_table = page[page.index("import-readings") : page.index("</table>", page.index("import-readings"))]
    for shown in ("16/3/2016", "<strong>16/03/2016</strong>", "2.000", "<strong>2000</strong>", "xa na meo"):
        assert shown in readings_table
    assert "<strong>Xã Na Mèo (Thanh Hóa" in readings_table
    assert page.index("import-readings") < page.index('value="confirm"')


def test_only_the_first_rows_are_read_back_with_a_note_of_how_many_more(client, monkeypatch):
    monkeypatch.setattr(preview, "PREVIEW_ROWS", 2)
    rows = [TYPED.replace("TH-1", f"TH-{n}") for n in range(1, 6)]
    client.force_login(staff(TRAINERS, THANH_HOA))
    page = upload(client, csv_file(*rows).getvalue())
    report = ImportJob.objects.get().report
    assert [reading["row"] for reading in report["readings"]] == [2, 3]
    assert "2 dòng đầu" in page and "3 dòng còn lại" in page


def test_rows_that_cannot_be_read_are_marked_not_guessed():
    row = TYPED.replace("16/3/2016", "31/02/2016").replace("xa na meo", "xa khong co")
    with translation.override("vi"):
        report = run(csv_file(row), dry_run=True)
    cells = readings(report)
    assert cells["Từ ngày"][1] == cells["Xã/Phường"][1] == "không đọc được"
    assert not report.ok


@override_settings(IMPORTS_INLINE_ROWS=1)
def test_background_check_keeps_readings_in_the_job_not_in_the_cache(client):
    cache.clear()
    client.force_login(staff(TRAINERS, THANH_HOA))
    upload(client, csv_file(TYPED, TYPED.replace("TH-1", "TH-2")).getvalue())
    job = ImportJob.objects.get()
    assert job.in_background and job.status == "checked"
    assert [reading["row"] for reading in job.report["readings"]] == [2, 3]
    cached = b"".join(pickle.dumps(value) for value in cache._cache.values())
    assert b"na meo" not in cached and "Na Mèo".encode() not in cached


def test_readings_never_name_a_club_of_another_province():
    """Nor say that it exists: a club code of another province reads as one not found."""
    ClubFactory(external_id="CLB-SL", name="CLB bản Sơn La", place=son_la_commune())
    row = TYPED.removesuffix(",,,") + ",,CLB-SL,"
    with translation.override("vi"):
        report = run(csv_file(row), dry_run=True, user=staff(TRAINERS, THANH_HOA))
    shown = readings(report)["Câu lạc bộ"]
    assert shown[1] == "không đọc được" and "Sơn La" not in str(report.readings)
    unknown = run(
        csv_file(TYPED.removesuffix(",,,") + ",,CLB-KHONG-CO,"), dry_run=True, user=staff(TRAINERS, THANH_HOA)
    )
    assert [str(error).replace("CLB-SL", "?") for error in report.errors] == [
        str(error).replace("CLB-KHONG-CO", "?") for error in unknown.errors
    ]


# --- The template's example row ------------------------------------------------------------------


def example_file(*extra_rows) -> io.BytesIO:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(template_xlsx(ActivityResource)))
    for row in extra_rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


def test_the_templates_example_row_left_in_the_file_is_noticed():
    own = ["TH-9", "Lớp tập huấn", "Tập huấn", "02/08/2025", None, 1, "Thanh Hóa", None, "Na Mèo"]
    report = run(example_file(own), name="hoat-dong.xlsx", dry_run=True)
    assert report.ok and report.example_rows == [2]


def test_a_row_changed_from_the_example_is_not_the_example():
    row = "TH-2025-001,Buổi truyền thông,Truyền thông di cư an toàn,01/08/2025,,1,Thanh Hóa,,Na Mèo,,,,46,40,,"
    assert run(csv_file(row), dry_run=True).example_rows == []
    example = "th-2025-001,buoi truyen thong,Truyen thong di cu an toan,2025-08-01,,1,thanh hoa,,na meo,,,,45,40,,"
    assert run(csv_file(example), dry_run=True).example_rows == [2]


def test_the_preview_page_warns_of_the_example_row(client):
    client.force_login(staff(TRAINERS, THANH_HOA))
    page = upload(client, example_file().getvalue(), name="hoat-dong.xlsx")
    assert "Dòng 2 vẫn là dòng ví dụ của tệp mẫu" in page


def test_command_line_dry_run_prints_the_readings_and_the_example_warning(tmp_path, capsys):
    path = tmp_path / "hoat-dong.xlsx"
    path.write_bytes(example_file(TYPED.split(",")[:9]).getvalue())
    call_command("import_activities", str(path), "--dry-run")
    out, err = capsys.readouterr()
    assert "dòng 3: " in out and "Từ ngày “16/3/2016” → ngày 16, tháng 3, năm 2016" in out
    assert "Xã/Phường “xa na meo” → Xã Na Mèo (Thanh Hóa" in out
    assert "Dòng 2 vẫn là dòng ví dụ" in err and Activity.objects.count() == 0


# --- Organisers as people type them ----------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "hoi lien hiep phu nu thanh hoa",
        "Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa",
        "HOI LHPN TINH THANH HOA",
        "Hội LHPN Thanh Hoá",
    ],
)
def test_organiser_without_diacritics_or_abbreviated(typed):
    row = TYPED.replace("hoi lien hiep phu nu thanh hoa", typed)
    assert run(csv_file(row)).ok
    assert [o.name for o in Activity.objects.get().organisers.all()] == ["Hội LHPN tỉnh Thanh Hóa"]


def test_unknown_organiser_is_refused_with_the_nearest_names():
    OrganiserFactory(name="Hội LHPN thành phố Đà Nẵng")
    OrganiserFactory(name="Công an tỉnh Thanh Hóa")
    row = TYPED.replace("hoi lien hiep phu nu thanh hoa", "hoi lien hiep phu nu")
    with translation.override("vi"):
        report = run(csv_file(row))
    [error] = report.errors
    assert error.column == "Đơn vị tổ chức"
    assert "“hoi lien hiep phu nu”" in error.message
    assert "Hội LHPN thành phố Đà Nẵng" in error.message and "Hội LHPN tỉnh Thanh Hóa" in error.message
    assert "Công an" not in error.message


def test_organiser_with_a_typing_slip_gets_the_nearest_name():
    row = TYPED.replace("hoi lien hiep phu nu thanh hoa", "Hội LHPN tỉnh Thanh Hao")
    [error] = run(csv_file(row)).errors
    assert "Hội LHPN tỉnh Thanh Hóa" in error.message


def test_organiser_matching_several_is_refused_naming_them():
    OrganiserFactory(name="Hội Liên hiệp Phụ nữ Thanh Hóa")  # the same union entered twice
    row = TYPED.replace("hoi lien hiep phu nu thanh hoa", "hoi lhpn thanh hoa")
    [error] = run(csv_file(row)).errors
    assert "Hội LHPN tỉnh Thanh Hóa" in error.message and "Hội Liên hiệp Phụ nữ Thanh Hóa" in error.message
    assert Activity.objects.count() == 0


def test_an_organisers_exact_name_wins_over_a_look_alike():
    OrganiserFactory(name="Hội Liên hiệp Phụ nữ Thanh Hóa")
    row = TYPED.replace("hoi lien hiep phu nu thanh hoa", "Hội Liên hiệp Phụ nữ Thanh Hóa")
    assert run(csv_file(row)).ok
    assert [o.name for o in Activity.objects.get().organisers.all()] == ["Hội Liên hiệp Phụ nữ Thanh Hóa"]


def test_clubs_and_campaigns_take_organisers_as_people_type_them_too():
    from campaigns.resources.clubs import ClubResource

    clubs = "Mã,Tên câu lạc bộ,Tỉnh/Thành phố,Xã/Phường,Đơn vị tổ chức"
    file = csv_file("CLB-1,CLB Na Mèo,Thanh Hóa,Na Mèo,hoi lien hiep phu nu thanh hoa", header=clubs)
    report = run_import(ClubResource, file, name="c.csv")
    assert report.ok, report.errors
    assert Club.objects.get(external_id="CLB-1").organiser.name == "Hội LHPN tỉnh Thanh Hóa"


def test_a_sign_in_list_is_read_back_without_names_or_phones():
    from trainings.resources import ParticipantResource

    people = "Mã,Họ và tên,Giới tính,Năm sinh,Tỉnh/Thành phố,Xã/Phường,Điện thoại"
    file = csv_file(",Lò Thị Mai,nu,1.995,thanh hoa,xa na meo,0912 345 678", header=people)
    with translation.override("vi"):
        report = run_import(ParticipantResource, file, name="p.csv", dry_run=True)
    assert report.ok, report.errors
    cells = readings(report)
    assert cells["Năm sinh"][:2] == ("1.995", "1995") and cells["Giới tính"][:2] == ("nu", "Nữ")
    assert "Lò Thị Mai" not in str(report.readings) and "0912" not in str(report.readings)


def test_rows_that_change_records_keep_their_file_numbers_across_blank_lines():
    rows = [TYPED, "", ",,,,,,,,,,,,,,,", TYPED.replace("TH-1", "TH-2")]
    report = run(csv_file(*rows), dry_run=True)
    assert [change.row for change in report.changes] == [2, 5]
    assert [reading.row for reading in report.readings] == [2, 5]
