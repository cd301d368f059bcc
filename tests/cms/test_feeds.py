import pytest

from tests.factories import cms as pages

pytestmark = pytest.mark.django_db


def test_rss_feed_lists_live_articles_newest_first(client):
    import datetime

    older = pages.article("Bài cũ", date=datetime.date(2020, 1, 1))
    newer = pages.article("Bài mới", date=datetime.date(2024, 1, 1))
    draft = pages.article("Bài nháp")
    draft.unpublish()
    response = client.get("/feeds/articles/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    xml = response.content.decode()
    assert xml.index("Bài mới") < xml.index("Bài cũ")
    assert f"http://testserver{newer.url}" in xml
    assert older.summary in xml
    assert "Bài nháp" not in xml


def test_atom_feed(client):
    page = pages.article()
    response = client.get("/feeds/articles/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert page.title in response.content.decode()


def test_sitemap_lists_public_pages_but_not_drafts(client):
    article = pages.article()
    leaflet = pages.leaflet()
    draft = pages.article("Nháp")
    draft.unpublish()
    xml = client.get("/sitemap.xml").content.decode()
    assert article.url in xml
    assert leaflet.url in xml
    assert draft.slug not in xml


def test_pages_link_to_the_feed(client):
    pages.article()
    html = client.get("/").content.decode()
    assert 'type="application/rss+xml"' in html
