"""Public pages for tests: a factory per page type (wagtail-factories), and helpers for a
small site under the home page.

A page factory adds the page under its parent and then saves it the way the admin does:
a revision, published at once unless the page is a draft. So pages have a live revision,
a log and first/last publication dates, as editors' pages do.

    ArticlePageFactory()                         # live, under the article index
    ArticlePageFactory(draft=True, saved_by=u)   # a draft, its revision saved by user u
    LeafletPageFactory(parent=other_index, topics=[topic])
"""

from __future__ import annotations

import datetime

import factory
import wagtail_factories
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page

from access.collections import public_collection
from cms.models import (
    ArticleIndexPage,
    ArticlePage,
    CampaignPage,
    ContentPage,
    HomePage,
    LeafletIndexPage,
    LeafletPage,
    StatisticsPage,
)
from cms.slugs import vietnamese_slug
from tests.factories import CampaignFactory

# --- Images and documents ----------------------------------------------------------------


class ImageFactory(wagtail_factories.ImageFactory):
    # In the public collection, where an editor's upload lands (the library's default makes
    # a new root collection for every image).
    collection = factory.LazyFunction(public_collection)
    title = factory.Sequence(lambda n: f"Ảnh {n}")
    file = factory.django.ImageField(width=640, height=400, color="#9c1c4b", format="PNG", filename="test.png")


class DocumentFactory(wagtail_factories.DocumentFactory):
    collection = factory.LazyFunction(public_collection)
    title = factory.Sequence(lambda n: f"Tờ rơi {n}")
    file = factory.django.FileField(data=b"%PDF-1.4\n% test leaflet\n", filename="leaflet.pdf")


def image(title: str = "Ảnh thử") -> Image:
    return ImageFactory(title=title)


def document(title: str = "Tờ rơi thử") -> Document:
    return DocumentFactory(title=title)


# --- Pages ------------------------------------------------------------------------------------


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page under `parent`, saved with a revision and published; `draft=True` leaves a draft."""

    class Meta:
        abstract = True
        # Publishing saves the page from its revision: saving this copy again would undo it.
        skip_postgeneration_save = True

    class Params:
        draft = factory.Trait(live=False)

    # Empty: the page folds its Vietnamese title to a free ASCII slug (SitePage.full_clean).
    slug = ""

    @factory.post_generation
    def saved_by(page, create: bool, user, **kwargs) -> None:
        """The revision that the admin saves, by `user` when given, and its publication."""
        if not create:
            return
        revision = page.save_revision(user=user)
        if page.live:
            revision.publish()


def the_section(factory_class):
    """The site's one section of a kind (articles, leaflets, statistics), made on first use."""
    model = factory_class._meta.model
    return model.objects.filter(locale__language_code="vi").first() or factory_class()


def home() -> HomePage:
    """The Vietnamese home page that the migrations make."""
    return HomePage.objects.get(locale__language_code="vi")


class HomePageFactory(PublishedPageFactory):
    """Another site's root (the migrations make the one the tests' site serves)."""

    class Meta:
        model = HomePage

    parent = factory.LazyFunction(Page.get_first_root_node)
    title = factory.Sequence(lambda n: f"Trang chủ {n}")
    # Not a SitePage: a home page gets no slug made for it.
    slug = factory.LazyAttribute(lambda page: vietnamese_slug(page.title))


class ArticleIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = ArticleIndexPage

    parent = factory.LazyFunction(home)
    title = "Tin bài"
    slug = "tin-bai"


def article_index() -> ArticleIndexPage:
    return the_section(ArticleIndexPageFactory)


class ArticlePageFactory(PublishedPageFactory):
    class Meta:
        model = ArticlePage

    parent = factory.LazyFunction(article_index)
    title = factory.Sequence(lambda n: f"Bài viết {n}")
    summary = "Tóm tắt bài viết về mua bán người."
    date = datetime.date(2024, 5, 1)


def article(title: str = "Phụ nữ vùng biên chống mua bán người", **fields) -> ArticlePage:
    return ArticlePageFactory(title=title, **fields)


class LeafletIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = LeafletIndexPage

    parent = factory.LazyFunction(home)
    title = "Tờ rơi"
    slug = "to-roi"


def leaflet_index() -> LeafletIndexPage:
    return the_section(LeafletIndexPageFactory)


class LeafletPageFactory(PublishedPageFactory):
    class Meta:
        model = LeafletPage

    parent = factory.LazyFunction(leaflet_index)
    title = factory.Sequence(lambda n: f"Tờ rơi {n}")
    summary = "Năm điều cần nhớ khi đi làm xa."
    date = datetime.date(2023, 3, 1)


def leaflet(title: str = "Tờ rơi di cư an toàn", **fields) -> LeafletPage:
    return LeafletPageFactory(title=title, **fields)


class CampaignPageFactory(PublishedPageFactory):
    class Meta:
        model = CampaignPage

    parent = factory.LazyFunction(home)
    campaign = factory.SubFactory(CampaignFactory)
    title = factory.LazyAttribute(lambda page: page.campaign.name)


def campaign_page(campaign, **fields) -> CampaignPage:
    return CampaignPageFactory(campaign=campaign, **fields)


class StatisticsPageFactory(PublishedPageFactory):
    class Meta:
        model = StatisticsPage

    parent = factory.LazyFunction(home)
    title = "Số liệu"
    slug = "so-lieu"


def statistics_page() -> StatisticsPage:
    return the_section(StatisticsPageFactory)


class ContentPageFactory(PublishedPageFactory):
    class Meta:
        model = ContentPage

    parent = factory.LazyFunction(home)
    title = factory.Sequence(lambda n: f"Trang {n}")
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Về chúng tôi.</p>")])


def content_page(title: str = "Giới thiệu", **fields) -> ContentPage:
    return ContentPageFactory(title=title, **fields)
