"""The import pages and the sign-in sheet in a real browser, under the Content Security
Policy (the conftest fails a test on any refusal)."""

from playwright.sync_api import expect

from tests.e2e.conftest import manage, open_signed_in

MAKE_ACTIVITY = """
import datetime
from campaigns.models import Activity
from places.models import Place
na_meo = Place.objects.get(is_current=True, level="commune", code="15013")
activity, _ = Activity.objects.get_or_create(
    title="Lớp tập huấn tại Na Mèo", kind="training", start_date=datetime.date(2026, 4, 2),
    place=na_meo, status="planned",
)
print(activity.pk)
"""


def test_a_refused_file_lists_its_bad_rows(desktop, server_url, tmp_path, screenshot):
    bad = tmp_path / "hoat-dong.csv"
    bad.write_text(
        "Mã;Loại hoạt động;Tên hoạt động;Từ ngày;Số buổi;Tỉnh/Thành phố;Xã/Phường\n"
        "NM-01;Buổi truyền thông;Họp dân bản Pù Nhi;01/03/2026;1;Thanh Hoá;Pù Nhi\n"
        "NM-02;Buổi truyền thông;Họp dân;31/02/2026;1;Thanh Hoa;Xã Không Có\n",
        encoding="utf-8-sig",
    )
    open_signed_in(desktop, server_url)
    desktop.goto(server_url + "/admin/imports/activities/")
    desktop.set_input_files("main input[type=file]", str(bad))
    desktop.get_by_role("button", name="Kiểm tra tệp").click()
    report = desktop.locator("main table.import-errors")
    expect(report).to_contain_text("31/02/2026")  # the impossible date, on row 3
    expect(report).to_contain_text("Xã Không Có")  # the unknown commune, with the nearest names
    screenshot(desktop, "admin-import-refused")


def test_the_sign_in_sheet_prints(desktop, server_url, screenshot):
    pk = manage("shell", "-c", MAKE_ACTIVITY).split()[-1]
    open_signed_in(desktop, server_url)
    desktop.goto(f"{server_url}/admin/imports/sign-in-sheet/{pk}/")
    expect(desktop.get_by_role("button", name="In")).to_be_visible()
    expect(desktop.locator("body")).to_contain_text("Lớp tập huấn tại Na Mèo")
    screenshot(desktop, "admin-sign-in-sheet")


def test_the_activity_edit_page_offers_its_sign_in_sheet_and_filled_list(desktop, server_url, screenshot):
    pk = manage("shell", "-c", MAKE_ACTIVITY).split()[-1]
    open_signed_in(desktop, server_url)
    desktop.goto(f"{server_url}/admin/activities/edit/{pk}/")
    desktop.locator("header [data-controller='w-dropdown'] button").first.click()
    sheet = desktop.get_by_role("link", name="Danh sách ký tên", exact=True)
    expect(sheet).to_have_attribute("href", f"/admin/imports/sign-in-sheet/{pk}/")
    expect(desktop.get_by_role("link", name="Danh sách ký tên đã điểm danh (XLSX)")).to_be_visible()
    screenshot(desktop, "admin-activity-edit-sign-in")
