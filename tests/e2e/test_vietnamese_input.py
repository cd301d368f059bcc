"""Dates and numbers typed the Vietnamese way into the admin, in a real browser, and what is stored.

The date picker used to replace "16/3/2016" with today's date when the field lost focus,
and "2.000" in a number box was stored as 2.
"""

import datetime
import json

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import manage, open_signed_in

LEAFLET_INDEX = """
from cms.models import HomePage, LeafletIndexPage
index = LeafletIndexPage.objects.first()
if index is None:
    index = HomePage.objects.get().add_child(instance=LeafletIndexPage(title="Tờ rơi", slug="to-roi"))
    index.save_revision().publish()
print(index.pk)
"""


def stored(code: str) -> dict:
    """What the database holds, read back through manage.py (the JSON printed last)."""
    return json.loads(manage("shell", "-c", code).strip().splitlines()[-1])


def save(page) -> None:
    page.locator("footer button.button-longrunning[type=submit]").first.click()


def type_date(page, selector: str, text: str) -> None:
    """Type a date as a person does, then leave the field (where the picker used to step in)."""
    page.locator(selector).click()
    page.locator(selector).fill("")
    page.locator(selector).press_sequentially(text)
    page.locator(selector).press("Tab")


@pytest.fixture(scope="module")
def leaflet_index(server_url) -> int:
    return int(manage("shell", "-c", LEAFLET_INDEX).strip().splitlines()[-1])


def test_activity_form_stores_a_day_first_date_and_counts_with_dots(desktop, server_url):
    open_signed_in(desktop, server_url)
    desktop.goto(server_url + "/admin/activities/new/")
    desktop.select_option("#id_kind", "community")
    desktop.fill("#id_title", "Truyền thông tại bản Na Mèo, tháng 3/2016")
    desktop.locator("#id_place-chooser .chooser__choose-button, [data-chooser-action-choose]").first.click()
    dialog = desktop.get_by_role("dialog")
    dialog.get_by_role("textbox").first.fill("na meo")
    dialog.get_by_text("Na Mèo").first.click()
    expect(desktop.locator("#id_place")).not_to_have_value("")
    type_date(desktop, "#id_start_date", "16/3/2016")
    type_date(desktop, "#id_end_date", "01/04/2016")
    expect(desktop.locator("#id_start_date")).to_have_value("16/3/2016")
    desktop.fill("#id_sessions", "12")
    desktop.fill("#id_participants", "2.000")
    desktop.fill("#id_female", "1 250")
    save(desktop)
    desktop.wait_for_url(server_url + "/admin/activities/")
    activity = stored(
        "import json; from campaigns.models import Activity; "
        "a = Activity.objects.get(title='Truyền thông tại bản Na Mèo, tháng 3/2016'); "
        "print(json.dumps([str(a.start_date), str(a.end_date), a.sessions, a.participants, a.female]))"
    )
    assert activity == ["2016-03-16", "2016-04-01", 12, 2000, 1250]


def test_activity_form_refuses_an_impossible_date_instead_of_saving_today(desktop, server_url):
    open_signed_in(desktop, server_url)
    desktop.goto(server_url + "/admin/activities/new/")
    desktop.select_option("#id_kind", "community")
    desktop.fill("#id_title", "Buổi ngày không có thật")
    type_date(desktop, "#id_start_date", "31/02/2016")
    save(desktop)
    expect(desktop.locator("main")).to_contain_text("dd/mm/yyyy")
    expect(desktop.locator("#id_start_date")).to_have_value("31/02/2016")
    today = datetime.date.today().strftime("%d/%m/%Y")
    expect(desktop.locator("#id_start_date")).not_to_have_value(today)


def test_totals_report_filters_by_the_dates_typed(desktop, server_url):
    open_signed_in(desktop, server_url)
    desktop.goto(server_url + "/admin/reports/totals/")
    type_date(desktop, "#id_date_from", "01/01/2016")
    type_date(desktop, "#id_date_to", "31/12/2016")
    desktop.locator("form:has(#id_date_from) button[type=submit]").first.click()
    desktop.wait_for_url("**date_from=01%2F01%2F2016**")
    assert "date_to=31%2F12%2F2016" in desktop.url
    expect(desktop.locator("main")).to_contain_text("01/01/2016")
    expect(desktop.locator("main")).to_contain_text("31/12/2016")


def test_new_leaflet_keeps_its_print_run_date_and_gets_an_ascii_address(desktop, server_url, leaflet_index):
    title = "Tờ rơi: Đi làm xa an toàn — những điều chị em người Thái ở Quan Sơn, Mường Lát cần nhớ trước khi nhận lời"
    open_signed_in(desktop, server_url)
    desktop.goto(f"{server_url}/admin/pages/add/cms/leafletpage/{leaflet_index}/")
    desktop.fill("#id_title", title)
    desktop.locator("#id_title").press("Tab")
    desktop.fill("#id_summary", "Năm điều cần nhớ trước khi nhận lời đi làm xa.")
    type_date(desktop, "#id_date", "16/3/2016")
    desktop.fill("#id_print_run", "2.000")
    desktop.locator("footer [data-w-dropdown-target='toggle']").first.click()
    desktop.click("button[name='action-publish']")
    desktop.wait_for_url(lambda address: "/add/" not in address and "/edit/" not in address)
    leaflet = stored(
        "import json; from cms.models import LeafletPage; "
        f"p = LeafletPage.objects.live().get(title={title!r}); "
        "print(json.dumps([p.slug, str(p.date), p.print_run]))"
    )
    slug, date, print_run = leaflet
    assert (date, print_run) == ("2016-03-16", 2000)
    assert slug.startswith("to-roi-di-lam-xa-an-toan-nhung-dieu-chi-em-nguoi-thai-o-quan")
    assert slug.isascii() and len(slug) <= 75


ARTICLE_INDEX_AND_DRAFT = """
from cms.models import ArticleIndexPage, ArticlePage, HomePage
index = ArticleIndexPage.objects.first()
if index is None:
    index = HomePage.objects.get().add_child(instance=ArticleIndexPage(title="Tin bài", slug="tin-bai"))
    index.save_revision().publish()
draft = index.add_child(instance=ArticlePage(title="Phiên chợ truyền thông ở Pù Nhi", summary="Bản nháp.", live=False))
draft.save_revision()
print(index.pk)
"""


def test_starting_an_article_again_beside_its_saved_draft_publishes_it_at_the_next_address(desktop, server_url):
    # The draft stands for what autosave kept of the first attempt: it holds the address.
    index = int(manage("shell", "-c", ARTICLE_INDEX_AND_DRAFT).strip().splitlines()[-1])
    open_signed_in(desktop, server_url)
    desktop.goto(f"{server_url}/admin/pages/add/cms/articlepage/{index}/")
    desktop.fill("#id_title", "Phiên chợ truyền thông ở Pù Nhi")
    desktop.locator("#id_title").press("Tab")
    desktop.fill("#id_summary", "Lần thứ hai, đầy đủ.")
    desktop.locator("footer [data-w-dropdown-target='toggle']").first.click()
    desktop.click("button[name='action-publish']")
    desktop.wait_for_url(lambda address: "/add/" not in address and "/edit/" not in address)
    slugs = stored(
        "import json; from cms.models import ArticlePage; "
        "print(json.dumps(sorted([p.slug, p.live] for p in ArticlePage.objects.filter(title__startswith='Phiên chợ'))))"
    )
    assert slugs == [["phien-cho-truyen-thong-o-pu-nhi", False], ["phien-cho-truyen-thong-o-pu-nhi-2", True]]
