"""Public pages: a fixed number of queries whatever the content, and cached for anonymous readers."""

import pytest
from django.core.cache import cache

from campaigns.models import Topic
from tests.conftest import shared_records
from tests.factories import ActivityFactory, CampaignFactory
from tests.factories import cms as pages

pytestmark = pytest.mark.django_db

# Each page type's queries on its second view (renditions made), measured on SQLite and
# PostgreSQL, plus one: a page that starts asking more fails here, whatever the others do.
# The home, campaign and statistics pages say where the reporting periods behind their
# figures stand (three queries; two with the campaign's dates), kept in the cache in use.
# The statistics page also says which years its figures cover (the public totals by year:
# three queries more, none once the public answers are cached).
QUERY_BUDGETS = {
    "home": 24,
    "article_index": 19,
    "article": 18,
    "leaflet_index": 19,
    "leaflet": 17,
    "campaign": 20,
    "statistics": 27,
    "content": 11,
    "search": 9,
}


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """Pages with pictures, built once for the module; each test's own changes are undone."""
    with shared_records(django_db_blocker):
        yield build_site()


def build_site() -> dict:
    topic = Topic.objects.create(code="law", name="Pháp luật")
    leaflets = [pages.leaflet(f"Tờ rơi {n}", cover_image=pages.image(), topics=[topic]) for n in range(4)]
    articles = [
        pages.article(f"Bài {n}", hero_image=pages.image(), hero_alt="Ảnh", topics=[topic], related_leaflets=leaflets)
        for n in range(6)
    ]
    campaign = CampaignFactory()
    ActivityFactory(campaign=campaign, sessions=2, participants=30, status="held")
    return {
        "home": "/",
        "article_index": articles[0].get_parent().url,
        "article": articles[0].url,
        "leaflet_index": leaflets[0].get_parent().url,
        "leaflet": leaflets[0].url,
        "campaign": pages.campaign_page(campaign).url,
        "statistics": pages.statistics_page().url,
        "content": pages.content_page().url,
        "search": "/search/?q=bai",
    }


@pytest.mark.parametrize("name", list(QUERY_BUDGETS))
def test_page_queries_are_bounded(client, site, name, django_assert_max_num_queries):
    client.get(site[name])  # renditions are made on the first view
    with django_assert_max_num_queries(QUERY_BUDGETS[name]):
        response = client.get(site[name])
    assert response.status_code == 200


def test_article_index_queries_do_not_grow_with_the_number_of_articles(client, site, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = site["article_index"]
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for n in range(4):
        pages.article(f"Thêm {n}", hero_image=pages.image(), hero_alt="Ảnh")
    client.get(url)
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    assert len(after) == len(before)


@pytest.fixture
def caching(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def test_second_anonymous_view_comes_from_the_cache_without_queries(client, site, caching, django_assert_num_queries):
    first = client.get(site["article"])
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(site["article"])
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_publishing_clears_the_cached_pages(client, site, caching):
    assert "Bài vừa đăng" not in client.get("/").content.decode()
    pages.article("Bài vừa đăng", featured=True)
    assert "Bài vừa đăng" in client.get("/").content.decode()


def test_unpublishing_clears_the_cached_pages(client, site, caching):
    article = pages.article("Bài sẽ gỡ", featured=True)
    assert client.get(article.url).status_code == 200
    article.unpublish()
    assert client.get(article.url).status_code == 404


def test_logged_in_users_are_never_served_from_the_cache(client, site, caching, superuser):
    client.get(site["home"])
    client.force_login(superuser)
    response = client.get(site["home"])
    assert not response.has_header("X-Page-Cache")


def test_admin_and_previews_are_not_cached(client, site, caching):
    response = client.get("/admin/login/")
    assert not response.has_header("X-Page-Cache")
