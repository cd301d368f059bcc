"""The demo public site: a home page, five articles, three leaflets with generated PDFs and
covers, the campaign page of "Đồng hành cùng phụ nữ biên cương", statistics and an about page.

Run by `python manage.py load_demo` after the campaign records. Pages, images and documents
are found again by slug or title, so a second run creates nothing.
"""

from __future__ import annotations

import io
import logging
import textwrap
from collections import Counter
from html import escape
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page

from campaigns.models import Audience, Campaign, MaterialDistribution, Topic
from cms import demo_content as content
from cms.locales import ensure_english_site
from cms.models import (
    ArticleIndexPage,
    ArticlePage,
    CampaignPage,
    ContentPage,
    HomePage,
    Language,
    LeafletIndexPage,
    LeafletPage,
    StatisticsPage,
)
from cms.site import configure_default_site
from places.lookup import lookup_place
from places.models import Place

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


class _Report:
    def __init__(self) -> None:
        self.created: Counter[str] = Counter()
        self.unchanged: Counter[str] = Counter()

    def count(self, obj, created: bool) -> None:
        (self.created if created else self.unchanged)[obj._meta.label] += 1

    def as_dict(self) -> dict:
        return {"created": dict(self.created), "updated": {}, "unchanged": dict(self.unchanged)}


def _font(size: int, bold: bool = False):
    path = FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    try:
        return ImageFont.truetype(str(path), size)
    except OSError:  # no DejaVu: Pillow's own font (no Vietnamese marks, but still a picture)
        return ImageFont.load_default(size)


def picture(title: str, colour: str, subtitle: str = "", size=(1200, 800)) -> bytes:
    """A plain poster-like PNG: a coloured field with the title, used as hero or cover image."""
    image = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle([0, height - height // 6, width, height], fill="#ffffff")
    y = height // 8
    for line in textwrap.wrap(title, width=16 if width < 1000 else 20):
        draw.text((width // 14, y), line, font=_font(width // 16, bold=True), fill="#ffffff")
        y += width // 12
    if subtitle:
        draw.text((width // 14, height - height // 8), subtitle, font=_font(width // 34), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def leaflet_pdf(spec: dict) -> bytes:
    """A one-page A5 leaflet rendered by WeasyPrint (DejaVu Sans carries the Vietnamese marks)."""
    from weasyprint import HTML

    points = "".join(f"<li>{escape(point)}</li>" for point in spec["points"])
    html = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><style>
      @page {{ size: A5; margin: 14mm; }}
      body {{ font-family: "DejaVu Sans", sans-serif; font-size: 11pt; color: #1d1d1f; }}
      h1 {{ color: {spec["colour"]}; font-size: 19pt; line-height: 1.2; }}
      li {{ margin: 0 0 3mm; }}
      .hotline {{ border: 2pt solid {spec["colour"]}; padding: 3mm; font-size: 14pt; text-align: center; }}
      .foot {{ font-size: 8pt; color: #555; position: absolute; bottom: 0; }}
    </style></head><body>
      <h1>{escape(spec["title"])}</h1>
      <p>{escape(spec["summary"])}</p>
      <ul>{points}</ul>
      <p class="hotline">Tổng đài quốc gia bảo vệ trẻ em: <b>111</b> · Công an: <b>113</b></p>
      <p class="foot">{escape(spec["edition"])} · Hội Liên hiệp Phụ nữ Việt Nam</p>
    </body></html>"""
    return HTML(string=html).write_pdf()


def _image(report: _Report, title: str, make) -> Image:
    image = Image.objects.filter(title=title).first()
    if image is None:
        name = f"{title[:40]}.png".replace("/", "-")
        image = Image(title=title)
        image.file = ImageFile(io.BytesIO(make()), name=name)
        image.save()
        report.count(image, True)
    else:
        report.count(image, False)
    return image


def _document(report: _Report, title: str, make) -> Document:
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(f"{title[:50]}.pdf".replace("/", "-"), ContentFile(make()), save=False)
        document.save()
        report.count(document, True)
    else:
        report.count(document, False)
    return document


def _child(report: _Report, parent: Page, model, slug: str, **fields):
    """The live child of `parent` with `slug`, created and published (with a revision) when missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        report.count(existing.specific, False)
        return existing.specific
    m2m = {name: fields.pop(name) for name in list(fields) if isinstance(fields[name], list) and name != "body"}
    page = model(slug=slug, **fields)
    for name, values in m2m.items():
        setattr(page, name, values)
    parent.add_child(instance=page)
    page.save_revision().publish()
    report.count(page, True)
    return page


def _body(paragraphs, figures=(), source="", quote=None, image=None, alt="") -> list:
    blocks: list = [("paragraph", f"<p>{escape(text)}</p>") for text in paragraphs[:1]]
    if figures:
        blocks.append(
            (
                "figures",
                {
                    "heading": "Con số",
                    "figures": [{"number": n, "label": label} for n, label in figures],
                    "source": source,
                },
            )
        )
    blocks += [("paragraph", f"<p>{escape(text)}</p>") for text in paragraphs[1:]]
    if quote:
        blocks.append(("quote", {"text": quote[0], "attribution": quote[1]}))
    if image is not None:
        blocks.append(("image", {"image": image, "alt": alt, "caption": "Ảnh minh họa"}))
    return blocks


def _province(name: str) -> Place:
    return lookup_place(name, level=Place.Level.PROVINCE, current=True)


def load_site_demo() -> dict:
    """Create the demo public site; returns a report like campaigns.demo.load_demo's."""
    # Wagtail logs every page created and published: the summary says it once instead.
    wagtail_log = logging.getLogger("wagtail")
    level = wagtail_log.level
    wagtail_log.setLevel(logging.WARNING)
    try:
        return _load_site_demo()
    finally:
        wagtail_log.setLevel(level)


@transaction.atomic
def _load_site_demo() -> dict:
    report = _Report()
    # The demo's canonical links and sitemap name the configured address, not localhost.
    configure_default_site()
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home.intro != content.HOME_INTRO:
        home.intro = content.HOME_INTRO
        home.save_revision().publish()
    languages = {}
    for code, name in content.LANGUAGES:
        languages[code], created = Language.objects.get_or_create(code=code, defaults={"name": name})
        report.count(languages[code], created)
    topics = {topic.code: topic for topic in Topic.objects.all()}
    audiences = {audience.code: audience for audience in Audience.objects.all()}

    leaflet_index = _child(report, home, LeafletIndexPage, "to-roi", title="Tờ rơi", intro="Tờ rơi để đọc, in và phát.")
    leaflets = []
    for spec in content.LEAFLETS:
        cover = _image(
            report, f"Bìa: {spec['title']}", lambda s=spec: picture(s["title"], s["colour"], s["edition"], (600, 850))
        )
        document = _document(report, spec["title"], lambda s=spec: leaflet_pdf(s))
        leaflets.append(
            _child(
                report,
                leaflet_index,
                LeafletPage,
                spec["slug"],
                title=spec["title"],
                date=spec["date"],
                summary=spec["summary"],
                document=document,
                cover_image=cover,
                edition=spec["edition"],
                print_run=spec["print_run"],
                featured=True,
                languages=[languages[code] for code in spec["languages"]],
                topics=[topics[code] for code in spec["topics"]],
                audiences=[audiences[code] for code in spec["audiences"]],
                provinces=[_province(name) for name in spec["provinces"]],
            )
        )
        if spec.get("distribution"):
            # The leaflet handed out in the Thanh Hóa report is this PDF: its page lists where.
            MaterialDistribution.objects.filter(title=spec["distribution"], document__isnull=True).update(
                document=document
            )

    article_index = _child(report, home, ArticleIndexPage, "tin-bai", title="Tin bài", intro="Tin và bài từ các tỉnh.")
    colours = ["#9c1c4b", "#1f5f8b", "#2e6b3a", "#7a4b00", "#4b3b8b"]
    for number, spec in enumerate(content.ARTICLES):
        hero = _image(
            report, f"Ảnh: {spec['title']}", lambda s=spec, c=colours[number]: picture(s["title"], c, s["province"])
        )
        _child(
            report,
            article_index,
            ArticlePage,
            spec["slug"],
            title=spec["title"],
            date=spec["date"],
            author=spec["author"],
            hero_image=hero,
            hero_alt=f"Hình minh họa có dòng chữ: {spec['title']}",
            summary=spec["summary"],
            body=_body(spec["paragraphs"], spec["figures"], spec["source"], spec["quote"]),
            featured=number < 3,
            topics=[topics[code] for code in spec["topics"]],
            audiences=[audiences[code] for code in spec["audiences"]],
            provinces=[_province(spec["province"])],
            related_leaflets=leaflets[:2] if number == 0 else leaflets[2:],
        )

    spec = content.CAMPAIGN_PAGE
    _child(
        report,
        home,
        CampaignPage,
        spec["slug"],
        title=spec["title"],
        campaign=Campaign.objects.filter(code=spec["campaign"]).first(),
        summary=spec["summary"],
        body=_body(spec["paragraphs"]),
        show_in_menus=True,
    )
    _child(
        report,
        home,
        StatisticsPage,
        "so-lieu",
        title="Số liệu",
        intro="<p>Tổng số công khai theo tỉnh, từ các báo cáo đã nhập. Không có tên hay thông tin cá nhân.</p>",
    )
    spec = content.ABOUT_PAGE
    _child(
        report, home, ContentPage, spec["slug"], title=spec["title"], body=_body(spec["paragraphs"]), show_in_menus=True
    )
    # English: the home page and the menu's sections; articles are translated by editors.
    for page, created in ensure_english_site(home):
        report.count(page, created)
    return report.as_dict()
