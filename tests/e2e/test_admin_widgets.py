"""Admin widgets that Wagtail starts with inline scripts still work under our Content
Security Policy, started from their JSON blocks (core/admin_csp.py); the conftest
fails any test during which the browser refused something."""

from playwright.sync_api import expect

from tests.e2e.conftest import open_signed_in


def test_the_place_chooser_opens_and_picks_a_commune(desktop, server_url, screenshot):
    open_signed_in(desktop, server_url)
    desktop.goto(server_url + "/admin/activities/new/")
    desktop.locator("#id_place-chooser .chooser__choose-button, [data-chooser-action-choose]").first.click()
    dialog = desktop.get_by_role("dialog")
    dialog.get_by_role("textbox").first.fill("na meo")
    expect(dialog.get_by_text("Na Mèo").first).to_be_visible()
    dialog.get_by_text("Na Mèo").first.click()
    expect(desktop.locator("#id_place")).not_to_have_value("")
    screenshot(desktop, "admin-activity-place-chosen")


def test_the_date_picker_opens_on_the_totals_report(desktop, server_url):
    open_signed_in(desktop, server_url)
    desktop.goto(server_url + "/admin/reports/totals/")
    desktop.locator("#id_date_from").click()
    expect(desktop.locator(".xdsoft_datetimepicker").first).to_be_visible()
