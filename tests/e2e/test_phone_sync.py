"""The phone keeps its data up to date with small answers: after the first whole load it asks
only for what changed (`?since=`), a person deleted on the server leaves the phone, and someone
the phone does not keep yet is found with the server's search."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import manage
from tests.e2e.phone import choose_commune
from tests.e2e.test_offline import PHONE, open_form_online


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport=PHONE, locale="vi-VN")
    yield context
    context.close()


def person(action: str, name: str) -> None:
    if action == "add":
        code = (
            "from places.models import Place; from trainings.models import Participant; "
            f"Participant.objects.create(full_name={name!r}, commune=Place.objects.get(is_current=True, code='15013'))"
        )
    else:
        code = f"from trainings.models import Participant; Participant.objects.filter(full_name={name!r}).delete()"
    manage("shell", "-c", code)


def back_online(context) -> None:
    """Signal lost and back: the page syncs as it does whenever the connection returns."""
    context.set_offline(True)
    context.set_offline(False)


def test_the_phone_asks_only_for_what_changed_and_forgets_the_deleted(context, server_url):
    asked: list[str] = []
    page = context.new_page()
    page.on("request", lambda request: asked.append(request.url) if "/record/api/data/" in request.url else None)
    open_form_online(context, server_url, page=page)
    assert asked and "since=" not in asked[0]
    choose_commune(page, "na meo", "Na Mèo (Thanh Hóa)")
    person("add", "Lường Thị Thắm")
    back_online(context)
    expect(page.get_by_label("Lường Thị Thắm")).to_be_visible()
    assert "since=" in asked[-1]
    person("delete", "Lường Thị Thắm")
    back_online(context)
    expect(page.get_by_label("Lường Thị Thắm")).to_have_count(0)
    expect(page.get_by_label("Hà Thị Lan")).to_be_visible()


def test_someone_the_phone_does_not_keep_is_found_and_ticked(context, server_url):
    page = open_form_online(context, server_url)
    person("add", "Cầm Thị Xuân")  # after the phone's last sync: not on it yet
    try:
        expect(page.get_by_label("Cầm Thị Xuân")).to_have_count(0)
        page.fill("#people-search-input", "Xuân")
        page.locator("#people-search-go").click()
        page.locator("#people-search-results button", has_text="Cầm Thị Xuân").click()
        expect(page.get_by_label("Cầm Thị Xuân")).to_be_checked()
    finally:
        person("delete", "Cầm Thị Xuân")
