from playwright.sync_api import expect

from tests.e2e.conftest import TRAINER, sign_in
from tests.e2e.phone import choose_commune


def test_trainer_on_a_phone_records_a_session_with_attendees(phone, server_url, screenshot):
    sign_in(phone, server_url, TRAINER, "/record/")
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
    sign_in(page, server_url, TRAINER, "/record/")
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

    sign_in(phone, server_url, TRAINER, "/record/")
    phone.fill("input[name=title]", "Họp dân đếm theo kiểu Việt")
    # The phone's own date picker (shown in the phone's language); its value is ISO.
    phone.fill("input[name=start_date]", "2025-03-16")
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
