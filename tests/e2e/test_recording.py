import json

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import TRAINER, open_signed_in
from tests.e2e.phone import choose_commune


def test_trainer_on_a_phone_records_a_session_with_attendees(phone, server_url, screenshot):
    open_signed_in(phone, server_url, TRAINER, "/record/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.select_option("select[name=kind]", "community")
    phone.fill("input[name=title]", "Truyền thông phòng, chống mua bán người tại Na Mèo")
    choose_commune(phone, "Na Mèo", "Na Mèo (Thanh Hóa)")
    phone.get_by_label("Hà Thị Lan").check()
    phone.fill("input[name=new-0-full_name]", "Lò Thị Mai")
    phone.fill("input[name=new-0-ethnicity]", "Thái")
    screenshot(phone, "record-form-360")
    phone.get_by_role("button", name="Lưu").click()
    phone.wait_for_url(server_url + "/record/*/")
    expect(phone.locator("main")).to_contain_text("danh sách: 2")
    screenshot(phone, "record-saved-360")

    phone.goto(server_url + "/admin/activities/")
    expect(phone.locator("table.listing")).to_contain_text("Truyền thông phòng, chống mua bán người tại Na Mèo")


def test_a_draft_survives_a_dropped_connection_and_is_sent_later(browser, server_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    page = context.new_page()
    open_signed_in(page, server_url, TRAINER, "/record/")
    expect(page.locator("body")).to_have_attribute("data-ready", "data")  # her records opened by her session
    page.fill("input[name=title]", "Họp dân khi mất sóng")
    choose_commune(page, "Na Mèo", "Na Mèo (Thanh Hóa)")
    context.set_offline(True)
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("#app-status")).to_contain_text("Không có kết nối")
    page.close()  # the trainer closes the browser while still offline

    context.set_offline(False)
    page = context.new_page()
    page.goto(server_url + "/record/")
    # The kept record was sent by itself.
    expect(page.locator("#queue-list .is-sent")).to_contain_text("Họp dân khi mất sóng")
    page.goto(server_url + "/admin/activities/?q=m%E1%BA%A5t+s%C3%B3ng")
    expect(page.locator("table.listing tbody tr")).to_have_count(1)
    context.close()


STORED = """
from campaigns.models import Activity
a = Activity.objects.get(title="Họp dân đếm theo kiểu Việt")
print(a.start_date.isoformat(), a.participants, a.female, a.ethnic_minority)
"""


def test_trainer_types_counts_with_dots_on_the_phone(phone, server_url):
    """Counts as Vietnamese people write them ("1.200", "1 050"): what is stored is what was
    meant, and "1,200" (a decimal comma to a Vietnamese reader) is refused saying how."""
    from tests.e2e.conftest import manage

    open_signed_in(phone, server_url, TRAINER, "/record/")
    phone.fill("input[name=title]", "Họp dân đếm theo kiểu Việt")
    # Typed day first, as on paper (never the browser's picker, which follows the phone's language).
    phone.fill("input[name=start_date]", "16/03/2025")
    choose_commune(phone, "Na Mèo", "Na Mèo (Thanh Hóa)")
    phone.fill("input[name=participants]", "1.200")
    phone.fill("input[name=female]", "600")
    phone.fill("input[name=ethnic_minority]", "1 050")
    # 1.200 at one meeting is above the usual range: the trainer confirms the number.
    phone.check("input[name=confirm_counts]")
    phone.get_by_role("button", name="Lưu").click()
    phone.wait_for_url(server_url + "/record/*/")
    assert manage("shell", "-c", STORED).split()[-4:] == ["2025-03-16", "1200", "600", "1050"]
    phone.goto(server_url + "/record/")
    phone.fill("input[name=title]", "Họp dân ghi số có dấu phẩy")
    choose_commune(phone, "Na Mèo", "Na Mèo (Thanh Hóa)")
    phone.fill("input[name=participants]", "1,200")
    phone.get_by_role("button", name="Lưu").click()
    # Refused, saying how to write it; nothing stored.
    expect(phone.locator("body")).to_contain_text("“1,200” không rõ nghĩa")


DATE_STORED = """
from campaigns.models import Activity
print(Activity.objects.get(title={title!r}).start_date.isoformat())
"""
QUEUED = """async () => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open("record-app");
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const rows = await new Promise((resolve) => {
    const request = db.transaction("outbox").objectStore("outbox").getAll();
    request.onsuccess = () => resolve(request.result);
  });
  db.close();
  return rows.length;
}"""


@pytest.mark.parametrize("locale", ["en-US", "vi-VN"])
def test_a_date_typed_day_first_is_stored_as_meant_whatever_the_phones_language(browser, server_url, locale):
    """A phone set to English reads dates month first in its own picker: the form reads its
    text day first, says it back in words, and stores what was meant."""
    from tests.e2e.conftest import manage

    context = browser.new_context(viewport={"width": 360, "height": 740}, locale=locale)
    page = context.new_page()
    open_signed_in(page, server_url, TRAINER, "/record/")
    title = f"Lớp tập huấn 52 nạn nhân trở về ({locale})"
    page.fill("input[name=title]", title)
    page.fill("input[name=start_date]", "")
    page.locator("input[name=start_date]").press_sequentially("16/3/2019")
    expect(page.locator("#date-words")).to_have_text("Đọc là: ngày 16 tháng 3 năm 2019")
    choose_commune(page, "Na Mèo", "Na Mèo (Thanh Hóa)")
    page.fill("input[name=participants]", "52")
    page.locator("#save").click()
    page.wait_for_url(server_url + "/record/*/")
    assert manage("shell", "-c", DATE_STORED.format(title=title)).split()[-1] == "2019-03-16"
    context.close()


@pytest.mark.parametrize("locale", ["en-US", "vi-VN"])
def test_a_year_of_five_digits_is_refused_offline_and_nothing_is_queued(browser, server_url, locale):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale=locale)
    page = context.new_page()
    open_signed_in(page, server_url, TRAINER, "/record/")
    expect(page.locator("body")).to_have_attribute("data-ready", "data")
    context.set_offline(True)
    page.fill("input[name=title]", "Buổi truyền thông năm gõ nhầm")
    page.fill("input[name=start_date]", "16/3/32019")
    choose_commune(page, "Na Mèo", "Na Mèo (Thanh Hóa)")
    page.locator("#save").click()
    expect(page.locator("#save-result")).to_contain_text("dd/mm/yyyy")
    expect(page.locator("#date-words")).to_have_class("date-words is-error")
    assert page.evaluate(QUEUED) == 0
    assert json.loads(page.locator("body").get_attribute("data-queue") or "0") == 0
    context.close()
