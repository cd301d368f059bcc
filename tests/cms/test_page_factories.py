"""The page factories make pages as editors do: under a parent the page type allows, with a
revision, live only when published."""

import pytest
from wagtail.models import PageLogEntry

from tests.factories import UserFactory
from tests.factories import cms as pages

pytestmark = pytest.mark.django_db

PAGE_FACTORIES = [
    pages.HomePageFactory,
    pages.ArticleIndexPageFactory,
    pages.ArticlePageFactory,
    pages.LeafletIndexPageFactory,
    pages.LeafletPageFactory,
    pages.CampaignPageFactory,
    pages.StatisticsPageFactory,
    pages.ContentPageFactory,
]


@pytest.mark.parametrize("page_factory", PAGE_FACTORIES, ids=lambda factory: factory.__name__)
def test_a_factory_page_is_published_through_a_revision_where_its_type_may_live(page_factory):
    page = page_factory()
    page.refresh_from_db()
    allowed_parents = tuple(type(page).allowed_parent_page_models())
    assert isinstance(page.get_parent().specific, allowed_parents)
    assert page.live and not page.has_unpublished_changes
    assert page.live_revision_id == page.latest_revision_id is not None
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").count() == 1


def test_a_vietnamese_title_gives_an_ascii_address():
    page = pages.ArticlePageFactory(title="Đồng hành cùng phụ nữ biên cương")
    assert page.url == "/tin-bai/dong-hanh-cung-phu-nu-bien-cuong/"


def test_a_draft_has_its_editors_revision_and_is_not_live(client):
    editor = UserFactory()
    page = pages.ArticlePageFactory(draft=True, saved_by=editor)
    page.refresh_from_db()
    assert not page.live and page.live_revision_id is None
    assert page.latest_revision.user == editor
    assert client.get(f"/tin-bai/{page.slug}/").status_code == 404
