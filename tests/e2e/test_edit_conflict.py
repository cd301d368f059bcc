"""Two people editing the same activity in two browsers: the second save is refused, with
their entry kept and a way to see the other change."""

from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS, TRAINER, manage, open_signed_in

MAKE_ACTIVITY = """
import datetime
from campaigns.models import Activity
from places.models import Place
na_meo = Place.objects.get(is_current=True, level="commune", code="15013")
activity = Activity.objects.create(
    title="Họp dân bản Na Mèo", kind="residents_meeting", start_date=datetime.date(2026, 5, 4),
    place=na_meo, participants=30,
)
print(activity.pk)
"""


def save(page) -> None:
    page.locator("footer").get_by_role("button", name="Lưu", exact=True).click()


def test_the_second_of_two_browsers_saving_one_activity_is_refused(browser, server_url, screenshot):
    pk = manage("shell", "-c", MAKE_ACTIVITY).split()[-1]
    edit = f"{server_url}/admin/activities/edit/{pk}/"
    office = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    field = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    try:
        manager, trainer = office.new_page(), field.new_page()
        open_signed_in(manager, server_url)
        open_signed_in(trainer, server_url, TRAINER)
        manager.goto(edit)
        trainer.goto(edit)  # both forms are open

        manager.fill("input[name=title]", "Họp dân bản Na Mèo (văn phòng tỉnh sửa)")
        save(manager)
        manager.wait_for_url(f"{server_url}/admin/activities/")

        trainer.fill("input[name=participants]", "45")
        save(trainer)
        message = trainer.locator(".messages")
        expect(message).to_contain_text("Hoạt động này đã được e2e-admin sửa lúc")
        expect(message).to_contain_text("Thay đổi của bạn chưa được lưu.")
        conflict = trainer.locator(".edit-conflict")
        expect(conflict.locator("tbody")).to_contain_text("Họp dân bản Na Mèo (văn phòng tỉnh sửa)")
        expect(conflict.locator("tbody")).to_contain_text("45")
        expect(trainer.locator("input[name=participants]")).to_have_value("45")  # the entry is kept
        assert trainer.evaluate("document.documentElement.scrollWidth") <= 360
        screenshot(trainer, "edit-conflict-refused-360")
        conflict.screenshot(path=str(ARTIFACTS / "edit-conflict-comparison-360.png"))

        # The other change, in the activity's history (the form would ask before leaving it).
        trainer.on("dialog", lambda dialog: dialog.accept())
        conflict.get_by_role("link", name="Lịch sử thay đổi").click()
        trainer.wait_for_url(f"{server_url}/admin/activities/history/{pk}/")
        expect(trainer.locator("main table")).to_contain_text("e2e-admin")
        screenshot(trainer, "edit-conflict-history-360")

        manager.goto(edit)
        expect(manager.locator("input[name=participants]")).to_have_value("30")  # nothing of the refused save
        expect(manager.locator("input[name=title]")).to_have_value("Họp dân bản Na Mèo (văn phòng tỉnh sửa)")
    finally:
        office.close()
        field.close()
