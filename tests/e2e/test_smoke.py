from playwright.sync_api import expect

from tests.e2e.conftest import ADMIN, ADMIN_PASSWORD, open_signed_in


def test_reader_on_a_phone_opens_the_home_page(phone, server_url, screenshot):
    response = phone.goto(server_url + "/")
    assert response.status == 200
    assert phone.locator("html").get_attribute("lang") == "vi"
    assert "Phòng, chống mua bán người" in phone.locator("h1").inner_text()
    # Nothing wider than the screen: no sideways scrolling on a phone.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, "home-360")


def test_reader_switches_to_english(phone, server_url):
    phone.goto(server_url + "/")
    # A link, not a form: no CSRF cookie, so public pages stay cacheable.
    phone.get_by_role("link", name="English").click()
    phone.wait_for_url(server_url + "/en/")
    assert phone.locator("html").get_attribute("lang") == "en"


def test_admin_signs_in_and_finds_a_border_commune(desktop, server_url, screenshot):
    desktop.goto(server_url + "/admin/login/")
    screenshot(desktop, "admin-login")
    desktop.fill("input[name=username]", ADMIN)
    desktop.fill("input[name=password]", ADMIN_PASSWORD)
    desktop.locator("button[type=submit]").click()
    desktop.wait_for_url(server_url + "/admin/")
    desktop.goto(server_url + "/admin/places/?q=na+meo&is_current=true")
    table = desktop.locator("table.listing")
    assert "Xã Na Mèo" in table.inner_text()
    assert "Thanh Hóa" in table.inner_text()
    screenshot(desktop, "admin-places-search")


def test_admin_opens_an_old_province_and_sees_its_successor(desktop, server_url, screenshot):
    open_signed_in(desktop, server_url)
    desktop.goto(server_url + "/admin/places/?q=tien+giang&level=province")
    with desktop.expect_navigation():
        desktop.get_by_role("link", name="Tỉnh Tiền Giang").click()
    expect(desktop.locator("main")).to_contain_text("Đồng Tháp")
    screenshot(desktop, "admin-place-inspect")
