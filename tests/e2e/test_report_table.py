"""The admin totals report at 1366 px: the table scrolls inside its labelled box, the last
column (leaflets) can be reached there, and the first column stays in view while it does."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import open_signed_in

pytestmark = pytest.mark.e2e
QUERY = (
    "/admin/reports/totals/?by=district&by=year&place=Thanh+H%C3%B3a&date_from=01%2F01%2F2016&date_to=31%2F12%2F2020"
)


def test_report_table_scrolls_in_its_box_with_the_first_column_fixed(browser, demo_data, screenshot):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
    page = context.new_page()
    open_signed_in(page, demo_data, next_url=QUERY)
    box = page.get_by_role("region", name="Bảng báo cáo: cuộn ngang để xem thêm cột")
    expect(box).to_be_visible()
    assert box.get_attribute("tabindex") == "0"
    screenshot(page, "report-1366")
    first = box.locator("tbody tr").first.locator("td").first
    last_heading = box.locator("thead th").last
    expect(last_heading).to_have_text("Tờ rơi đã cấp phát")
    start = first.bounding_box()["x"]
    box.focus()
    page.keyboard.press("End")  # the box scrolls by keyboard too
    box.evaluate("element => { element.scrollLeft = element.scrollWidth; }")
    page.wait_for_function("el => el.scrollLeft > 0", arg=box.element_handle())
    frame = box.bounding_box()
    heading = last_heading.bounding_box()
    assert heading["x"] + heading["width"] <= frame["x"] + frame["width"] + 1  # reached, inside the box
    assert abs(first.bounding_box()["x"] - start) < 1  # the first column has not moved
    assert first.bounding_box()["x"] >= frame["x"] - 1
    screenshot(page, "report-1366-scrolled")
    context.close()
