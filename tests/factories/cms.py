"""Public pages for tests: a small site under the home page, built the way editors build it."""

from __future__ import annotations

import datetime
import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

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


def image(title: str = "Ảnh thử") -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 400), "#9c1c4b").save(buffer, "PNG")
    item = Image(title=title)
    item.file = ImageFile(io.BytesIO(buffer.getvalue()), name="test.png")
    item.save()
    return item


def document(title: str = "Tờ rơi thử") -> Document:
    item = Document(title=title)
    item.file.save("leaflet.pdf", ContentFile(b"%PDF-1.4\n% test leaflet\n"), save=False)
    item.save()
    return item


def publish(parent, page, user=None):
    parent.add_child(instance=page)
    page.save_revision(user=user).publish()
    return page


def home() -> HomePage:
    return HomePage.objects.get(locale__language_code="vi")


def article_index() -> ArticleIndexPage:
    existing = ArticleIndexPage.objects.filter(locale__language_code="vi").first()
    return existing or publish(home(), ArticleIndexPage(title="Tin bài", slug="tin-bai"))


def leaflet_index() -> LeafletIndexPage:
    existing = LeafletIndexPage.objects.filter(locale__language_code="vi").first()
    return existing or publish(home(), LeafletIndexPage(title="Tờ rơi", slug="to-roi"))


def article(title: str = "Phụ nữ vùng biên chống mua bán người", **fields) -> ArticlePage:
    m2m = {
        name: fields.pop(name) for name in ("topics", "audiences", "provinces", "related_leaflets") if name in fields
    }
    fields.setdefault("slug", None)
    page = ArticlePage(
        title=title,
        summary=fields.pop("summary", "Tóm tắt bài viết về mua bán người."),
        date=fields.pop("date", datetime.date(2024, 5, 1)),
        **{key: value for key, value in fields.items() if value is not None},
    )
    for name, values in m2m.items():
        setattr(page, name, values)
    return publish(article_index(), page)


def leaflet(title: str = "Tờ rơi di cư an toàn", **fields) -> LeafletPage:
    m2m = {name: fields.pop(name) for name in ("topics", "audiences", "provinces", "languages") if name in fields}
    page = LeafletPage(
        title=title,
        summary=fields.pop("summary", "Năm điều cần nhớ khi đi làm xa."),
        date=fields.pop("date", datetime.date(2023, 3, 1)),
        **fields,
    )
    for name, values in m2m.items():
        setattr(page, name, values)
    return publish(leaflet_index(), page)


def campaign_page(campaign, **fields) -> CampaignPage:
    return publish(home(), CampaignPage(title=fields.pop("title", campaign.name), campaign=campaign, **fields))


def statistics_page() -> StatisticsPage:
    existing = StatisticsPage.objects.filter(locale__language_code="vi").first()
    return existing or publish(home(), StatisticsPage(title="Số liệu", slug="so-lieu"))


def content_page(title: str = "Giới thiệu", body=None) -> ContentPage:
    return publish(home(), ContentPage(title=title, body=body or [("paragraph", "<p>Về chúng tôi.</p>")]))
