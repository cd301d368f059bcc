"""Addresses of the public site: ASCII slugs, the Site's host, the readers' site map, the favicon."""

import unicodedata

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.models import ArticlePage, ContentPage
from cms.site import configure_default_site, site_address
from cms.slugs import SLUG_LENGTH, vietnamese_slug
from tests.factories.cms import ArticlePageFactory, ContentPageFactory, article_index, home

LONG_TITLE = (
    "Na Mèo, Thanh Hóa: đồng hành cùng phụ nữ biên cương phòng ngừa mua bán người qua biên giới, "
    "tổng kết các buổi truyền thông tại bản và câu lạc bộ giai đoạn 2016-2020"
)


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Đồng hành cùng phụ nữ biên cương", "dong-hanh-cung-phu-nu-bien-cuong"),
        ("Thanh Hoá chặn đường dây mua bán người", "thanh-hoa-chan-duong-day-mua-ban-nguoi"),
        (unicodedata.normalize("NFD", "Xã Na Mèo: Ở đâu có người?"), "xa-na-meo-o-dau-co-nguoi"),
    ],
)
def test_vietnamese_titles_fold_to_plain_ascii(title, slug):
    assert vietnamese_slug(title) == slug


def test_a_long_title_makes_a_short_slug_ending_at_a_word():
    slug = vietnamese_slug(LONG_TITLE)
    assert slug.isascii()
    assert SLUG_LENGTH <= len(slug) < SLUG_LENGTH + 12
    assert vietnamese_slug(LONG_TITLE, max_length=1000).startswith(slug + "-")


@pytest.mark.django_db
def test_a_page_saved_without_a_slug_gets_its_title_folded():
    page = article_index().add_child(instance=ArticlePage(title="Đồng hành cùng phụ nữ", summary="Tóm tắt."))
    again = article_index().add_child(instance=ArticlePage(title="Đồng hành cùng phụ nữ", summary="Tóm tắt."))
    assert (page.slug, again.slug) == ("dong-hanh-cung-phu-nu", "dong-hanh-cung-phu-nu-2")


@pytest.mark.django_db
def test_the_admin_slug_widget_folds_vietnamese_and_keeps_ascii(client, superuser):
    client.force_login(superuser)
    html = client.get(f"/admin/pages/add/cms/contentpage/{home().pk}/").content.decode()
    slug_input = html.split('name="slug"')[1].split(">")[0]
    assert "allow-unicode" not in slug_input  # Django leaves a False attribute out: Wagtail's default, ASCII
    # "đ" becomes "d" in the browser too, where Wagtail's own folding would drop it.
    assert "[\\u010f\\u0111]&quot;,&quot;gu&quot;],&quot;d&quot;]" in slug_input


def content_page_form(title: str, slug: str) -> dict:
    return nested_form_data(
        {"title": title, "slug": slug, "body": streamfield([]), "comments": inline_formset([]), "action-draft": "1"}
    )


@pytest.mark.django_db
def test_a_new_page_whose_address_is_taken_gets_the_next_free_one(client, superuser):
    # What autosave leaves behind: a draft of the same article, already holding the address.
    draft = ContentPageFactory(title="Giới thiệu", slug="gioi-thieu", draft=True)
    client.force_login(superuser)
    response = client.post(
        f"/admin/pages/add/cms/contentpage/{home().pk}/", content_page_form("Giới thiệu", "gioi-thieu")
    )
    assert response.status_code == 302
    created = ContentPage.objects.exclude(pk=draft.pk).get(title="Giới thiệu")
    assert created.slug == "gioi-thieu-2"


@pytest.mark.django_db
def test_changing_an_address_to_a_taken_one_names_that_page_in_vietnamese(client, superuser):
    holder = ContentPageFactory(title="Giới thiệu", slug="gioi-thieu")
    page = ContentPageFactory(title="Liên hệ", slug="lien-he")
    client.force_login(superuser)
    response = client.post(f"/admin/pages/{page.pk}/edit/", content_page_form("Liên hệ", "gioi-thieu"))
    assert response.status_code == 200
    errors = response.context["form"].errors["slug"]
    assert errors == [
        f'Địa chỉ “gioi-thieu” đã được trang <a href="/admin/pages/{holder.pk}/edit/">Giới thiệu</a> '
        "trong cùng mục sử dụng."
    ]
    assert Page.objects.get(pk=page.pk).slug == "lien-he"


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("https://phongchongmuabannguoi.vn", ("phongchongmuabannguoi.vn", 443)),
        ("http://127.0.0.1:8000", ("127.0.0.1", 8000)),
        ("http://example.org/", ("example.org", 80)),
    ],
)
def test_site_address_from_the_setting(url, address):
    assert site_address(url) == address


@pytest.mark.django_db
@override_settings(SITE_URL="https://phongchongmuabannguoi.vn")
def test_the_default_site_follows_the_setting_and_pages_link_to_it(client):
    assert configure_default_site() is True
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("phongchongmuabannguoi.vn", 443)
    page = ContentPageFactory(title="Giới thiệu", slug="gioi-thieu")
    html = client.get("/gioi-thieu/").content.decode()
    assert '<link rel="canonical" href="https://phongchongmuabannguoi.vn/gioi-thieu/">' in html
    assert '<meta property="og:url" content="https://phongchongmuabannguoi.vn/gioi-thieu/">' in html
    assert page.full_url == "https://phongchongmuabannguoi.vn/gioi-thieu/"


@pytest.mark.django_db
@override_settings(SITE_URL="http://tinbai.example.org:8080")
def test_migrate_points_the_default_site_at_the_setting():
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    call_command("migrate", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("tinbai.example.org", 8080)


@pytest.mark.django_db
def test_the_footer_leads_to_a_site_map_for_readers(client):
    index = article_index()
    ArticlePageFactory(parent=index, title="Thanh Hóa: chặn mua bán người", slug="thanh-hoa")
    footer = client.get("/").content.decode().split('<footer class="site-footer">')[1]
    assert 'href="/so-do-trang/"' in footer
    assert 'href="/sitemap.xml"' not in footer
    response = client.get("/so-do-trang/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "<h1>Sơ đồ trang</h1>" in html
    assert f'<a href="{index.url}">Tin bài</a>' in html
    assert '<a href="/tin-bai/thanh-hoa/">Thanh Hóa: chặn mua bán người</a>' in html
    assert '<a href="/sitemap.xml">' in html


@pytest.mark.django_db
def test_the_favicon_is_served_and_linked(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # an ICO file
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/cms/favicon.ico"' in html
