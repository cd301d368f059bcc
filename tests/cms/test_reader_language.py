"""Names and messages in the reader's language: English topics, provinces and addresses on /en/."""

import pytest
from django.utils import translation
from wagtail.models import Collection, Page

from campaigns.models import Topic
from cms.locales import ensure_english_site
from places.models import Place, english_place_name
from tests.factories import cms as pages

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("vietnamese", "english"),
    [
        ("Tỉnh Thanh Hóa", "Thanh Hoa Province"),
        ("Thành phố Hà Nội", "Ha Noi City"),
        ("Huyện Mường Lát", "Muong Lat District"),
        ("Xã Na Mèo", "Na Meo Commune"),
        ("Đắk Lắk", "Dak Lak"),
    ],
)
def test_places_have_their_usual_english_form(vietnamese, english):
    assert english_place_name(vietnamese) == english


def test_a_province_reads_in_the_active_language():
    province = Place(level="province", kind="tinh", code="38", name="Tỉnh Thanh Hóa", short_name="Thanh Hóa")
    with translation.override("en"):
        assert province.local_name == "Thanh Hoa Province"
    with translation.override("vi"):
        assert province.local_name == "Tỉnh Thanh Hóa"


def test_a_topic_reads_in_english_only_when_it_has_an_english_name():
    topic = Topic(code="law", name="Pháp luật", name_en="Anti-trafficking law")
    untranslated = Topic(code="x", name="Kỹ năng sống")
    with translation.override("en"):
        assert (str(topic), str(untranslated)) == ("Anti-trafficking law", "Kỹ năng sống")
    with translation.override("vi"):
        assert str(topic) == "Pháp luật"


def test_an_empty_english_index_does_not_speak_of_filters(client):
    pages.article_index()
    ensure_english_site(pages.home())
    html = client.get("/en/articles/").content.decode()
    assert "Nothing has been published here yet." in html
    assert "Nothing matches these filters" not in html


def test_a_missing_public_page_answers_in_the_reader_s_language(client):
    pages.home()
    assert "Không tìm thấy trang" in client.get("/khong-co-trang-nay/").content.decode()
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_the_roots_have_vietnamese_names():
    assert Page.get_first_root_node().title == "Gốc"
    assert Collection.get_first_root_node().name == "Gốc"
