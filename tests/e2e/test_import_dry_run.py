"""The import's dry run in a real browser: a trainer uploads a file typed the way people
type, sees how each cell was read and the warning about the template's example row, and
only then confirms."""

from playwright.sync_api import expect

from tests.e2e.conftest import TRAINER, manage, open_signed_in

VOCABULARY = """
import datetime
from campaigns.models import Campaign, Organiser
Organiser.objects.get_or_create(name="Hội LHPN tỉnh Thanh Hóa", defaults={"kind": "womens_union"})
Campaign.objects.get_or_create(
    code="PCMBN-E2E-2016",
    defaults={"name": "Đề án phòng, chống mua bán người", "start_date": datetime.date(2016, 1, 1)},
)
"""
COUNT = """
from campaigns.models import Activity
print(Activity.objects.filter(external_id="E2E-DRY-1").count())
"""
HEADER = (
    "Mã;Loại hoạt động;Tên hoạt động;Từ ngày;Số buổi;Tỉnh/Thành phố;Xã/Phường;Chương trình;Đơn vị tổ chức;"
    "Số lượt tham dự"
)
EXAMPLE = "TH-2025-001;Buổi truyền thông;Truyền thông di cư an toàn;01/08/2025;1;Thanh Hóa;Na Mèo;;;45"
TYPED = (
    "E2E-DRY-1;buoi truyen thong;Tuyên truyền tại bản Pù Nhi;16/3/2016;1;thanh hoa;xa na meo;pcmbn-e2e-2016;"
    "hoi lien hiep phu nu thanh hoa;2.000"
)


def test_the_readings_are_shown_before_confirming(desktop, server_url, tmp_path, screenshot):
    manage("shell", "-c", VOCABULARY)
    upload = tmp_path / "hoat-dong.csv"
    upload.write_text("\n".join([HEADER, EXAMPLE, TYPED]) + "\n", encoding="utf-8-sig")
    open_signed_in(desktop, server_url, TRAINER)
    desktop.goto(server_url + "/admin/imports/activities/")
    desktop.set_input_files("main input[type=file]", str(upload))
    desktop.get_by_role("button", name="Kiểm tra tệp").click()

    expect(desktop.get_by_role("alert").filter(has_text="Dòng 2 vẫn là dòng ví dụ của tệp mẫu")).to_be_visible()
    readings = desktop.locator("main table.import-readings")
    row = readings.locator("tbody").nth(1)  # file row 3, after the example's
    expect(row.locator("th")).to_have_text("3")
    for typed, read in [
        ("16/3/2016", "16/03/2016 (ngày 16, tháng 3, năm 2016)"),
        ("2.000", "2000"),
        ("xa na meo", "Xã Na Mèo (Thanh Hóa, từ 1/7/2025)"),
        ("hoi lien hiep phu nu thanh hoa", "Hội LHPN tỉnh Thanh Hóa"),
        ("pcmbn-e2e-2016", "Đề án phòng, chống mua bán người"),
    ]:
        line = row.locator("tr", has_text=typed)
        expect(line.locator("td").nth(2)).to_have_text(f"→ {read}")
    confirm = desktop.get_by_role("button", name="Xác nhận nhập")
    expect(confirm).to_be_visible()
    assert manage("shell", "-c", COUNT).split()[-1] == "0"  # nothing stored before confirming
    screenshot(desktop, "admin-import-dry-run-readings")

    confirm.click()
    expect(desktop.locator("main")).to_contain_text("Đã nhập")
    assert manage("shell", "-c", COUNT).split()[-1] == "1"
