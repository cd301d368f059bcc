"""The reporting cycle in a real browser, in Vietnamese: a trainer records three activities of
the first quarter of 2024 on her phone, the manager submits and approves the quarter, the
trainer's next record of that quarter is refused with the reason and stays on the phone, an
import with one row of that quarter is refused naming the row, the national administrator
reopens the quarter with a reason, the trainer's record then goes through, and the manager
approves again. The period's history shows each step.

With GUIDE_SCREENSHOTS=1 the pictures go to docs/guides/img for the managers' and
administrators' guides.
"""

import io
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ADMIN_PASSWORD, PROJECT, TRAINER, manage, sign_in
from tests.e2e.phone import choose_commune, set_pin

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
GUIDE_IMAGES = PROJECT / "docs" / "guides" / "img"
MANAGER, NATIONAL = "e2e-cycle-manager", "e2e-cycle-national"
QUARTER = "Quý 1/2024"

SETUP = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from access.models import StaffScope
from access.roles import MANAGERS, NATIONAL_ADMINS
from places.models import Place
thanh_hoa = Place.objects.get(is_current=True, level="province", code="38")
people = (("{MANAGER}", "Phạm Thanh Bình", MANAGERS), ("{NATIONAL}", "Đặng Thu Hà", NATIONAL_ADMINS))
for username, name, group in people:
    user, _ = get_user_model().objects.get_or_create(username=username)
    user.first_name = name
    user.set_password("{ADMIN_PASSWORD}")
    user.save()
    user.groups.add(Group.objects.get(name=group))
    if group == MANAGERS:
        StaffScope.objects.get_or_create(user=user)[0].provinces.add(thanh_hoa)
print(thanh_hoa.pk)
"""

# The periods this test approves, taken away after it: other browser tests record in 2026
# only, but a period left approved would refuse them.
CLEAN_UP = """
from reporting.models import ReportingPeriod
ReportingPeriod.objects.filter(year=2024).delete()
"""

STORED = """
from campaigns.models import Activity
print(Activity.objects.filter(title__startswith="Quý 1 năm 2024").count())
"""


@pytest.fixture(scope="module")
def thanh_hoa(demo_data) -> str:
    province = manage("shell", "-c", SETUP).split()[-1]
    yield province
    manage("shell", "-c", CLEAN_UP)


@pytest.fixture
def pictures(tmp_path) -> Path:
    if os.environ.get("GUIDE_SCREENSHOTS") == "1":
        GUIDE_IMAGES.mkdir(parents=True, exist_ok=True)
        return GUIDE_IMAGES
    return tmp_path


@pytest.fixture
def shot(pictures):
    from PIL import Image

    def take(page, name: str, **options) -> Path:
        raw = page.screenshot(animations="disabled", **options)
        image = Image.open(io.BytesIO(raw)).convert("RGB")
        path = pictures / f"{name}.png"
        image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True)
        assert path.stat().st_size < 150_000
        return path

    return take


def signed_in(browser, server_url: str, username: str, next_url: str, viewport: dict):
    context = browser.new_context(viewport=viewport, locale="vi-VN")
    page = context.new_page()
    sign_in(page, server_url, username, next_url)
    return page


def record_on_phone(page, title: str, day: str) -> None:
    page.fill("input[name=title]", title)
    page.fill("input[name=start_date]", day)
    choose_commune(page, "na meo", "Na Mèo (Thanh Hóa)")
    page.fill("input[name=participants]", "20")
    page.fill("input[name=female]", "12")
    page.get_by_role("button", name="Lưu").click()


def stored() -> int:
    return int(manage("shell", "-c", STORED).split()[-1])


def open_period(page, server_url: str, province: str) -> None:
    page.goto(f"{server_url}/admin/reports/periods/{province}/quarter/2024/1/")
    expect(page.locator("h1")).to_contain_text(QUARTER)


def move(page, button: str, reason: str = "") -> None:
    form = page.locator("form.period-move", has=page.get_by_role("button", name=button, exact=True))
    if reason:
        form.locator("textarea").fill(reason)
    form.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state()


def test_a_quarter_is_approved_locked_reopened_and_approved_again(browser, server_url, thanh_hoa, shot, tmp_path):
    phone = signed_in(browser, server_url, TRAINER, "/record/", PHONE)
    expect(phone.locator("body")).to_have_attribute("data-ready", "data", timeout=15000)
    set_pin(phone)
    for number, day in ((1, "15/01/2024"), (2, "20/02/2024"), (3, "10/03/2024")):
        record_on_phone(phone, f"Quý 1 năm 2024: buổi truyền thông {number}", day)
        phone.wait_for_url(server_url + "/record/*/")
        phone.goto(server_url + "/record/")
    assert stored() == 3

    manager = signed_in(browser, server_url, MANAGER, "/admin/reports/periods/?year=2024", DESKTOP)
    row = manager.locator("tr", has=manager.get_by_role("link", name=QUARTER))
    expect(row).to_contain_text("Chưa nộp")
    expect(row.locator("td.report__number").first).to_have_text("3")
    shot(manager, "manager-periods")
    open_period(manager, server_url, thanh_hoa)
    move(manager, "Nộp")
    expect(manager.locator("main")).to_contain_text("Chờ duyệt")
    move(manager, "Duyệt")
    expect(manager.locator("main")).to_contain_text("Đã duyệt")
    shot(manager, "manager-period-approved", full_page=True)

    # The phone keeps the refused record, with the reason, until it can go.
    context = phone.context
    context.set_offline(True)
    record_on_phone(phone, "Quý 1 năm 2024: buổi bổ sung", "25/03/2024")
    expect(phone.locator("#queue-list .is-pending")).to_have_count(1)
    context.set_offline(False)
    refused = phone.locator("#queue-list .is-refused")
    expect(refused).to_contain_text(QUARTER, timeout=20000)
    expect(refused).to_contain_text("đề nghị mở lại")
    refused.scroll_into_view_if_needed()
    shot(phone, "trainer-period-locked")
    assert stored() == 3

    bad = tmp_path / "bo-sung-quy-1.csv"
    bad.write_text(
        "Mã;Loại hoạt động;Tên hoạt động;Từ ngày;Số buổi;Tỉnh/Thành phố;Xã/Phường\n"
        "Q2-01;Buổi truyền thông;Quý 1 năm 2024: họp dân quý 2;05/04/2024;1;Thanh Hóa;Na Mèo\n"
        "Q1-01;Buổi truyền thông;Quý 1 năm 2024: họp dân;12/03/2024;1;Thanh Hóa;Na Mèo\n",
        encoding="utf-8-sig",
    )
    manager.goto(server_url + "/admin/imports/activities/")
    manager.set_input_files("main input[type=file]", str(bad))
    manager.get_by_role("button", name="Kiểm tra tệp").click()
    report = manager.locator("main table.import-errors")
    expect(report).to_contain_text(QUARTER)
    expect(report.locator("tr", has_text=QUARTER).locator("td").first).to_have_text("3")  # the file's row
    assert stored() == 3

    open_period(manager, server_url, thanh_hoa)
    move(manager, "Đề nghị mở lại", "Còn một buổi ở Na Mèo chưa nhập")
    national = signed_in(browser, server_url, NATIONAL, "/admin/", DESKTOP)
    open_period(national, server_url, thanh_hoa)
    expect(national.locator("main")).to_contain_text("Còn một buổi ở Na Mèo chưa nhập")
    move(national, "Mở lại", "Bổ sung buổi truyền thông ngày 25/3")
    expect(national.locator("main")).to_contain_text("Chưa nộp")
    shot(national, "admin-period-reopened", full_page=True)

    phone.reload()
    phone.locator("#queue-list .is-refused").get_by_role("button").click()
    phone.get_by_role("button", name="Lưu").click()
    phone.wait_for_url(server_url + "/record/*/", timeout=15000)
    assert stored() == 4

    open_period(manager, server_url, thanh_hoa)
    expect(manager.locator("main")).to_contain_text("1 hoạt động được sửa")
    move(manager, "Duyệt")
    history = manager.locator(".period-history li")
    expect(history).to_have_count(5)
    for said in ("Đã nộp", "Đã duyệt", "Đã đề nghị mở lại", "Đã mở lại", "Bổ sung buổi truyền thông ngày 25/3"):
        expect(manager.locator(".period-history")).to_contain_text(said)
    figures = manager.locator(".period-figures tr", has_text="Số buổi")
    expect(figures.locator("td").first).to_have_text("4")
