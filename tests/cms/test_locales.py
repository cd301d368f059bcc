"""English content: the locale exists, editors may translate, and each language shows only its own pages."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Locale, Workflow

from access.roles import EDITORS, NATIONAL_ADMINS
from cms.locales import ensure_english_site
from cms.models import ArticleIndexPage
from tests.factories import cms as pages

pytestmark = pytest.mark.django_db


def english_site():
    pages.article_index()
    ensure_english_site(pages.home())
    return Locale.objects.get(language_code="en")


def translated(page, title: str, slug: str | None = None):
    copy = page.copy_for_translation(Locale.objects.get(language_code="en")).specific
    copy.title = title
    if slug:
        copy.slug = slug
    copy.save_revision().publish()
    return type(copy).objects.get(pk=copy.pk)


def test_migrate_creates_the_english_locale():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"vi", "en"}


def test_the_moderation_workflow_is_named_in_vietnamese():
    assert list(Workflow.objects.values_list("name", flat=True)) == ["Duyệt bài trước khi đăng"]


def test_editors_and_national_administrators_may_translate():
    permission = Permission.objects.get(content_type__app_label="simple_translation", codename="submit_translation")
    assert set(permission.group_set.values_list("name", flat=True)) >= {EDITORS, NATIONAL_ADMINS}
    assert Group.objects.get(name=EDITORS).permissions.filter(pk=permission.pk).exists()


def test_english_site_is_made_once():
    english_site()
    ensure_english_site(pages.home())
    english = ArticleIndexPage.objects.filter(locale__language_code="en")
    assert [(page.title, page.url, page.live) for page in english] == [("Articles", "/en/articles/", True)]


def test_english_index_lists_only_translated_articles(client):
    english_site()
    vietnamese = pages.article("Bài chỉ có tiếng Việt", slug="chi-tieng-viet")
    both = pages.article("Bài có bản dịch", slug="co-ban-dich")
    translated(both, "An article with a translation")
    html = client.get("/en/articles/").content.decode()
    assert "An article with a translation" in html
    assert vietnamese.title not in html and both.title not in html
    home = client.get("/en/").content.decode()
    assert "An article with a translation" in home and vietnamese.title not in home


def test_english_search_finds_only_english_pages(client):
    english_site()
    both = pages.article("Mua bán người qua mạng", slug="qua-mang")
    translated(both, "Trafficking online mua ban")
    html = client.get("/en/search/", {"q": "mua ban"}).content.decode()
    assert "Trafficking online mua ban" in html
    assert "Mua bán người qua mạng" not in html


def test_a_vietnamese_page_is_never_served_in_english_chrome(client):
    # No English tree at all: Wagtail would route /en/… through the Vietnamese pages.
    page = pages.article("Chỉ có tiếng Việt", slug="chi-co-tieng-viet")
    response = client.get(f"/en/tin-bai/{page.slug}/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "This page has not been translated" in html
    assert f'href="{page.url}"' in html


def test_language_switch_leads_to_the_translation(client):
    english_site()
    page = pages.article("Bài có bản dịch", slug="co-ban-dich")
    english = translated(page, "An article with a translation")
    html = client.get(page.url).content.decode()
    assert f'<a href="{english.url}" lang="en"' in html
    back = client.get(english.url).content.decode()
    assert f'<a href="{page.url}" lang="vi"' in back
    assert "no-translation" not in html


def test_language_switch_says_when_there_is_no_translation(client):
    english_site()
    page = pages.article("Bài chưa dịch", slug="chua-dich")
    html = client.get(page.url).content.decode()
    assert '<a href="/en/" lang="en"' in html
    assert "Trang này chưa có bản tiếng Anh: EN mở trang chủ tiếng Anh." in html


def test_feed_and_sitemap_list_only_vietnamese_pages(client):
    english_site()
    page = pages.article("Bài có bản dịch", slug="co-ban-dich")
    translated(page, "An article with a translation")
    feed = client.get("/feeds/articles/").content.decode()
    assert "Bài có bản dịch" in feed and "An article with a translation" not in feed
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/tin-bai/co-ban-dich/" in sitemap and "/en/" not in sitemap


def test_a_translation_outside_every_site_is_not_offered(client, monkeypatch):
    """A translation the site cannot reach (its tree outside every site, or the sites'
    root paths not yet refreshed in a process) leads to the English home, never to "None"."""
    from wagtail.models import Page

    english_site()
    page = pages.article("Bài có bản dịch", slug="co-ban-dich")
    copy = translated(page, "An article with a translation")
    real_get_url = Page.get_url

    def unreachable(self, *args, **kwargs):
        return None if self.pk == copy.pk else real_get_url(self, *args, **kwargs)

    monkeypatch.setattr(Page, "get_url", unreachable)
    html = client.get(page.url).content.decode()
    assert 'href="None"' not in html
    assert 'href="/en/" lang="en"' in html


def test_the_language_links_take_one_query_for_all_languages(rf, django_assert_num_queries):
    from cms.locales import language_links

    english_site()
    page = pages.article("Bài có bản dịch", slug="co-ban-dich")
    translated(page, "An article with a translation", slug="with-a-translation")
    page = type(page).objects.get(pk=page.pk)
    request = rf.get(page.url)
    page.get_url(request)  # the sites' root paths, read once per request by Wagtail anyway
    with django_assert_num_queries(1):
        links = language_links(page, request)
    assert links == {
        "vi": {"url": "/tin-bai/co-ban-dich/", "translated": True},
        "en": {"url": "/en/articles/with-a-translation/", "translated": True},
    }


def test_a_translation_gets_an_english_address_from_its_title():
    english_site()
    page = pages.article("Thanh Hóa ngăn chặn mua bán người", slug="thanh-hoa-ngan-chan")
    english = translated(page, "Thanh Hoa stops trafficking")
    assert english.url == "/en/articles/thanh-hoa-stops-trafficking/"
    assert type(page).objects.get(pk=page.pk).url == "/tin-bai/thanh-hoa-ngan-chan/"


def test_a_translation_keeps_the_address_its_editor_chose():
    english_site()
    page = pages.article("Bài có bản dịch", slug="co-ban-dich")
    assert translated(page, "Translated", slug="my-own-address").url == "/en/articles/my-own-address/"


def test_an_english_site_made_with_vietnamese_addresses_gets_english_ones():
    english_site()
    index = ArticleIndexPage.objects.get(locale__language_code="en")
    index.slug = "tin-bai"
    index.save_revision().publish()
    ensure_english_site(pages.home())
    assert ArticleIndexPage.objects.get(locale__language_code="en").url == "/en/articles/"


def test_the_english_menu_links_to_english_addresses(client):
    english_site()
    html = client.get("/en/").content.decode()
    assert 'href="/en/articles/"' in html and 'href="/en/leaflets/"' in html and 'href="/en/statistics/"' in html
    assert "/en/tin-bai/" not in html
