"""The public site in a browser: a reader on a phone, and an article going from editor to reviewer to the site."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ADMIN_PASSWORD, manage, open_signed_in, submit_form

EDITOR, REVIEWER = "e2e-editor", "e2e-reviewer"
USERS = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
User = get_user_model()
for name, group in (("{EDITOR}", "Editors"), ("{REVIEWER}", "Moderators")):
    user, _ = User.objects.get_or_create(username=name)
    user.set_password("{ADMIN_PASSWORD}")
    user.save()
    user.groups.add(Group.objects.get(name=group))
from cms.models import ArticleIndexPage
print(ArticleIndexPage.objects.get(locale__language_code='vi').pk)
"""


@pytest.fixture(scope="module")
def demo_site(demo_data) -> dict:
    index_id = int(manage("shell", "-c", USERS).strip().splitlines()[-1])
    return {"url": demo_data, "article_index": index_id}


def test_reader_on_a_phone_searches_reads_and_downloads_a_leaflet(phone, demo_site, screenshot):
    url = demo_site["url"]
    phone.goto(url + "/")
    expect(phone.locator('a[href="tel:111"]').first).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.fill("#site-search", "mua ban nguoi")
    phone.press("#site-search", "Enter")
    phone.wait_for_url("**/search/?q=mua+ban+nguoi")
    result = phone.locator(".results a", has_text="Thanh Hóa: chặn mua bán người")
    expect(result).to_have_count(1)
    screenshot(phone, "public-search-360")
    result.click()
    expect(phone.locator("h1")).to_contain_text("Thanh Hóa: chặn mua bán người")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    leaflet = phone.locator(".related a", has_text="Tờ rơi phòng, chống mua bán người").first
    leaflet_url = leaflet.get_attribute("href")
    leaflet.click()
    phone.wait_for_url(f"**{leaflet_url}")
    download_link = phone.locator("a.download")
    expect(download_link).to_be_visible()
    with phone.expect_download() as download:
        download_link.click()
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    screenshot(phone, "public-leaflet-360")


def test_editor_submits_reviewer_publishes_reader_sees_it(browser, demo_site, screenshot):
    url = demo_site["url"]
    title = "Bài thử nghiệm từ biên tập viên"
    editor = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()  # English admin
    open_signed_in(editor, url, EDITOR)
    editor.goto(f"{url}/admin/pages/add/cms/articlepage/{demo_site['article_index']}/")
    editor.fill("#id_title", title)
    editor.fill("#id_summary", "Một bài viết mới cần người duyệt trước khi đăng.")
    editor.locator("footer [data-w-dropdown-target='toggle']").first.click()
    submit_form(editor, editor.locator("button[name='action-submit']"))
    expect(editor.locator(".messages")).to_contain_text(title)
    page_id = manage(
        "shell", "-c", f"from wagtail.models import Page; print(Page.objects.get(title='{title}').pk)"
    ).split()[-1]
    state = f"from wagtail.models import Page; print(Page.objects.get(pk={page_id}).workflow_in_progress)"
    assert manage("shell", "-c", state).split()[-1] == "True"
    screenshot(editor, "editor-submitted")
    editor.context.close()

    assert f">{title}<" not in _public_html(url)

    reviewer = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    open_signed_in(reviewer, url, REVIEWER)
    reviewer.goto(f"{url}/admin/pages/{page_id}/edit/")
    approve = reviewer.locator("button[data-workflow-action-name='approve']").first
    approve.wait_for(state="attached")
    if not approve.is_visible():
        reviewer.locator("footer [data-w-dropdown-target='toggle']").first.click()
    submit_form(reviewer, approve)
    expect(reviewer.locator(".messages")).to_contain_text(title)
    screenshot(reviewer, "reviewer-approved")
    reviewer.context.close()

    assert title in _public_html(url)


def _public_html(url: str) -> str:
    import urllib.request

    return urllib.request.urlopen(url + "/tin-bai/").read().decode()
