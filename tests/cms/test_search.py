import pytest

from cms.search import search_pages
from tests.factories import cms as pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_content():
    article = pages.article("Phòng, chống mua bán người ở vùng biên", summary="Cảnh giác với lời mời đi làm xa.")
    leaflet = pages.leaflet("Tờ rơi đường dây nóng", summary="Gọi 111 khi thấy dấu hiệu mua bán người.")
    other = pages.article("Kỹ năng sống cho học sinh", summary="Tự tin và an toàn.")
    return article, leaflet, other


def test_query_without_diacritics_finds_text_with_them(client, site_content):
    article, leaflet, other = site_content
    html = client.get("/search/", {"q": "mua ban nguoi"}).content.decode()
    assert article.title in html
    assert leaflet.title in html
    assert other.title not in html


def test_query_with_diacritics_finds_text_typed_without_them(client):
    page = pages.article("Hoi thao ve mua ban nguoi", summary="Ban tin khong dau.")
    html = client.get("/search/", {"q": "mua bán người"}).content.decode()
    assert page.title in html


def test_d_with_stroke_is_folded(site_content):
    found = list(search_pages("Đường dây nóng"))
    assert [page.title for page in found] == ["Tờ rơi đường dây nóng"]
    assert [page.title for page in search_pages("duong day nong")] == ["Tờ rơi đường dây nóng"]


def test_words_in_the_body_are_found():
    page = pages.article(body=[("paragraph", "<p>Phiên chợ truyền thông ở Na Mèo.</p>")])
    assert list(search_pages("phien cho na meo")) == [page.page_ptr]


def test_drafts_are_not_found(site_content):
    article, _leaflet, _other = site_content
    article.unpublish()
    assert article.title not in [page.title for page in search_pages("mua ban nguoi")]


def test_campaign_pages_are_searchable():
    from tests.factories import CampaignFactory

    page = pages.campaign_page(CampaignFactory(name="Đồng hành cùng phụ nữ biên cương"))
    assert [result.pk for result in search_pages("dong hanh bien cuong")] == [page.pk]


def test_empty_query_shows_the_form_only(client):
    response = client.get("/search/", {"q": "  "})
    assert response.status_code == 200
    assert 'class="results"' not in response.content.decode()
