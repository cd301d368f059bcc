"""Vietnamese first, English when translated, in a browser.

- An editor translates an article (Dịch), writes the English and submits it; a reviewer
  approves; a reader on the article switches language and stays on it.
- Every screen the guides show, walked as editor, reviewer, trainer, manager and
  administrator, has no English words left in Vietnamese mode; the English public pages
  have no Vietnamese in their chrome.
- The English statistics page fits a 360 px phone: its table scrolls inside its own box.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ADMIN, ADMIN_PASSWORD, TRAINER, manage, open_signed_in

EDITOR, REVIEWER, MANAGER = "i18n-editor", "i18n-reviewer", "i18n-manager"
SETUP = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from campaigns.models import Activity
from places.models import Place
from access.models import StaffScope
from access.roles import EDITORS, MANAGERS
from cms.models import ArticleIndexPage, ArticlePage
User = get_user_model()
for name, group in (("{EDITOR}", EDITORS), ("{REVIEWER}", "Moderators"), ("{MANAGER}", MANAGERS)):
    user, _ = User.objects.get_or_create(username=name)
    user.set_password("{ADMIN_PASSWORD}")
    user.save()
    user.groups.add(Group.objects.get(name=group))
thanh_hoa = Place.objects.get(is_current=True, level="province", code="38")
StaffScope.objects.get_or_create(user=User.objects.get(username="{MANAGER}"))[0].provinces.add(thanh_hoa)
index = ArticleIndexPage.objects.get(locale__language_code="vi")
article = ArticlePage.objects.filter(locale__language_code="vi").order_by("pk").first()
activity = Activity.objects.for_user(User.objects.get(username="{MANAGER}")).first()
print(index.pk, article.pk, article.slug, activity.pk)
"""

# Words of Wagtail's and our admin that must not stay English in the Vietnamese interface.
ENGLISH_WORDS = [
    "Sign in", "Password", "Remember me", "Forgotten password", "Save draft", "Images", "Documents", "Help",
    "History", "Workflows", "Page title", "Promote", "Request changes", "Settings", "Reports", "Dashboard",
    "Search", "Edit", "Delete", "Add", "Choose", "Publish", "Unpublish", "Submit", "Preview", "Approve",
    "Pages", "Users", "Groups", "Account", "Log out", "Translate", "Cancel", "Update", "Upload", "Snippets",
    "Collections", "Locked", "Moderation", "Awaiting", "Sort by", "Filter", "Show", "Status", "Title",
    "Live", "Draft", "Owner", "Actions", "Your most recent edits", "Comments", "Checks",
    "just now", "Just now", "minutes", "View draft", "Privacy and access", "Task started", "Root", "Not Found",
]  # fmt: skip
ENGLISH = re.compile(r"(?<![\w-])(" + "|".join(re.escape(word) for word in ENGLISH_WORDS) + r")(?![\w-])")
VIETNAMESE = re.compile(r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.IGNORECASE)

# What a person reads: the visible text and the labels read aloud or shown on hover.
READ_TEXT = """() => {
  const parts = [document.body.innerText, document.title];
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], input[type=submit][value]')) {
    if (el.closest('[lang]:not(html)') || el.getClientRects().length === 0 && !el.closest('nav, header')) continue;
    for (const name of ['aria-label', 'title', 'placeholder']) {
      if (el.getAttribute(name)) parts.push(el.getAttribute(name));
    }
    if (el.type === 'submit' && el.value) parts.push(el.value);
  }
  return parts.join('\\n');
}"""


@pytest.fixture(scope="module")
def site(server_url) -> dict:
    manage("load_demo")
    index, article, slug, activity = manage("shell", "-c", SETUP).split()[-4:]
    return {"url": server_url, "index": index, "article": article, "slug": slug, "activity": activity}


@pytest.fixture
def open_as(browser, site):
    contexts = []

    def signed_in(username: str, next_url: str = "/admin/", viewport: dict | None = None):
        context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900}, locale="vi-VN")
        contexts.append(context)
        page = context.new_page()
        open_signed_in(page, site["url"], username, next_url)
        return page

    yield signed_in
    for context in contexts:
        context.close()


def english_left(page) -> list[str]:
    page.wait_for_load_state("networkidle")
    return sorted(set(ENGLISH.findall(page.evaluate(READ_TEXT))))


def test_editor_translates_an_article_reviewer_approves_reader_stays_on_it(open_as, browser, site):
    url = site["url"]
    editor = open_as(EDITOR, f"/admin/pages/{site['article']}/edit/")
    editor.locator("#w-slim-header-buttons [data-w-dropdown-target='toggle']").click()
    editor.get_by_role("link", name="Dịch").click()
    editor.get_by_label("Tiếng Anh").check()
    editor.get_by_role("button", name="Gửi").click()
    editor.wait_for_url("**/edit/")
    english_id = editor.url.rstrip("/").split("/")[-2]
    assert english_id != site["article"]
    editor.fill("#id_title", "Thanh Hoa stops trafficking from Dong Son")
    editor.fill("#id_summary", "Border communes learn to recognise the traffickers' tricks.")
    editor.locator("footer [data-w-dropdown-target='toggle']").first.click()
    submit = editor.locator("button[name='action-submit']")
    expect(submit).to_contain_text("Gửi duyệt")
    submit.click()
    expect(editor.locator(".messages")).to_contain_text("Thanh Hoa stops trafficking from Dong Son")

    reviewer = open_as(REVIEWER, f"/admin/pages/{english_id}/edit/")
    approve = reviewer.locator("button[data-workflow-action-name='approve']").first
    if not approve.is_visible():
        reviewer.locator("footer [data-w-dropdown-target='toggle']").first.click()
    expect(approve).to_contain_text("Duyệt")
    approve.click()
    # The message of the saved approval, not a network lull: the reader must find it live.
    expect(reviewer.locator(".messages")).to_contain_text("Thanh Hoa stops trafficking from Dong Son")

    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    reader = context.new_page()
    reader.goto(f"{url}/tin-bai/{site['slug']}/")
    reader.locator(".languages a[lang=en]").click()
    # The translation's own address, made of its English title when the editor saved it.
    reader.wait_for_url(f"{url}/en/articles/thanh-hoa-stops-trafficking-from-dong-son/")
    expect(reader.locator("h1")).to_have_text("Thanh Hoa stops trafficking from Dong Son")
    reader.locator(".languages a[lang=vi]").click()
    reader.wait_for_url(f"{url}/tin-bai/{site['slug']}/")
    context.close()


def test_an_untranslated_page_says_so_and_offers_the_english_home(browser, site):
    context = browser.new_context(locale="vi-VN")
    reader = context.new_page()
    reader.goto(site["url"] + "/gioi-thieu/")
    expect(reader.locator(".no-translation")).to_have_text(
        "Trang này chưa có bản tiếng Anh: EN mở trang chủ tiếng Anh."
    )
    reader.locator(".languages a[lang=en]").click()
    reader.wait_for_url(site["url"] + "/en/")
    context.close()


def guide_screens(site) -> dict[str, list[str]]:
    page, index, activity = site["article"], site["index"], site["activity"]
    pages = ["/admin/", f"/admin/pages/{index}/", f"/admin/pages/{page}/edit/", f"/admin/pages/{page}/history/"]
    pages += [f"/admin/pages/add/cms/articlepage/{index}/", "/admin/images/", "/admin/documents/multiple/add/"]
    records = ["/admin/", "/admin/activities/", f"/admin/activities/edit/{activity}/", "/admin/participants/"]
    records += ["/admin/clubs/", "/admin/guides/", "/admin/account/"]
    return {
        EDITOR: [*pages, f"/admin/translation/submit/page/{page}/", "/admin/guides/", "/admin/account/"],
        REVIEWER: ["/admin/", "/admin/reports/workflow/", *pages[:3]],
        TRAINER: [*records, "/record/"],
        MANAGER: [*records, "/admin/reports/targets/", "/admin/reports/site-history/"],
        ADMIN: ["/admin/", "/admin/users/", "/admin/groups/", "/admin/workflows/list/", "/admin/locales/", *pages[:3]],
    }


def test_sign_in_page_has_no_english_left(browser, site):
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    page.goto(site["url"] + "/admin/login/")
    assert english_left(page) == []
    expect(page.locator("h1")).to_have_text("Đăng nhập hệ thống")
    context.close()


@pytest.mark.parametrize("role", [EDITOR, REVIEWER, TRAINER, MANAGER, ADMIN])
def test_guide_screens_have_no_english_left(open_as, site, role):
    page = open_as(role)
    left = {}
    for path in guide_screens(site)[role]:
        response = page.goto(site["url"] + path)
        assert response.status == 200, path
        words = english_left(page)
        if words:
            left[path] = words
    assert left == {}


@pytest.mark.parametrize(
    "path", ["/en/", "/en/articles/", "/en/leaflets/", "/en/statistics/", "/en/search/?q=trafficking"]
)
def test_english_pages_have_no_vietnamese_chrome(browser, site, path):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.goto(site["url"] + path)
    # The chrome: what the site itself says. Data (province, topic and audience names in the
    # filters' options and the table's rows) is Vietnamese in both languages.
    chrome = page.evaluate(
        """() => [...document.querySelectorAll('header, footer, h1, h2, label, button, caption, thead th, .meta')]
              .map(el => [...el.childNodes].filter(node => node.nodeName !== 'SELECT')
                                           .map(node => node.nodeName === '#text' ? node.textContent : node.innerText)
                                           .join(' '))
              .join('\\n')"""
    )
    assert VIETNAMESE.findall(chrome) == [], chrome
    context.close()


def test_english_statistics_table_fits_a_phone(browser, site, screenshot):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="en-GB")
    page = context.new_page()
    page.goto(site["url"] + "/en/statistics/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    wrapper = page.locator(".table-wrap")
    # A box that scrolls sideways, reachable and named for keyboard and screen-reader users.
    expect(wrapper).to_have_attribute("tabindex", "0")
    expect(wrapper).to_have_attribute("role", "region")
    last = page.locator("#stats-table thead th").last
    wrapper.evaluate("box => box.scrollLeft = box.scrollWidth")
    box = last.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 360 + 1
    wrapper.evaluate("box => box.scrollLeft = 0")
    screenshot(page, "en-statistics-360")
    context.close()


def test_vietnamese_statistics_chart_writes_thousands_as_the_table(browser, site, screenshot):
    """The chart's axis writes 5.000 as the table does, whatever the browser's own language."""
    context = browser.new_context(viewport={"width": 1000, "height": 900}, locale="en-US")
    page = context.new_page()
    page.goto(site["url"] + "/so-lieu/")
    page.wait_for_function("() => window.Chart && Chart.getChart(document.getElementById('chart'))")
    labels = page.evaluate("() => Chart.getChart(document.getElementById('chart')).scales.x.ticks.map(t => t.label)")
    assert any(re.fullmatch(r"\d{1,3}(\.\d{3})+", label) for label in labels), labels
    assert not any("," in label for label in labels), labels
    screenshot(page, "vi-statistics-chart")
    context.close()


TRANSLATE_WITH_TAGS = """
from wagtail.models import Locale
from cms.models import ArticlePage
from places.models import Place
article = ArticlePage.objects.filter(locale__language_code="vi", topics__isnull=False).order_by("pk").first()
article.provinces.add(Place.objects.get(is_current=True, level="province", code="38"))
article.save_revision().publish()
english = article.get_translation_or_none(Locale.objects.get(language_code="en"))
english = (english or article.copy_for_translation(Locale.objects.get(language_code="en"))).specific
english.title = "Border communes learn the traffickers' tricks"
english.summary, english.body, english.author = "A summary in English.", [], ""
english.hero_alt = "A class in a border commune"
english.save_revision().publish()
print(type(english).objects.get(pk=english.pk).url)
"""


def test_english_pages_have_no_vietnamese_names_or_addresses(browser, site, screenshot):
    """The reverse of the English-words hunt: an English reader sees English topics, audiences,
    provinces and addresses (not /en/tin-bai/…), and an empty list does not speak of filters."""
    address = manage("shell", "-c", TRANSLATE_WITH_TAGS).split()[-1]
    # English, from the title the editor gave it (in this module's first test) or this one's.
    assert address.startswith("/en/articles/") and ("thanh-hoa-stops" in address or "border-communes" in address)
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="en-GB")
    page = context.new_page()
    page.goto(site["url"] + address)
    text = page.evaluate(READ_TEXT)
    assert "Thanh Hoa Province" in text
    assert VIETNAMESE.findall(text) == [], text
    vietnamese_addresses = "main a[href*='/tin-bai/'], main a[href*='/to-roi/'], .site-nav a[href*='/tin-bai/']"
    assert page.locator(vietnamese_addresses).count() == 0
    screenshot(page, "en-article-360")
    page.goto(site["url"] + "/en/leaflets/")
    options = " ".join(page.locator(".filters option").all_inner_texts())
    assert "Safe migration" in options and "Thanh Hoa Province" in options, options
    assert VIETNAMESE.findall(options) == [], options
    expect(page.locator("main")).not_to_contain_text("Nothing matches these filters")
    page.goto(site["url"] + "/en/no-such-page/")
    expect(page.locator("h1")).to_have_text("Page not found")
    context.close()


def test_vietnamese_admin_says_when_in_vietnamese(open_as, site, screenshot):
    page = open_as(EDITOR, f"/admin/pages/{site['index']}/")
    text = page.evaluate(READ_TEXT)
    assert re.search(r"vừa xong|\d+\s(phút|giờ|ngày|tuần|tháng|năm) trước", text, re.IGNORECASE), text[:2000]
    assert re.findall(r"\b(minutes?|hours?|days?|ago|Root|Exploring)\b", text) == []
    screenshot(page, "vi-admin-page-listing")
