"""Pictures and leaflet PDFs drawn for the demo site, stored once as Wagtail images and documents."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable
from html import escape
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.documents.models import Document
from wagtail.images.models import Image

from access.collections import public_collection
from demo.loader import Tally

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


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


def image(tally: Tally, title: str, make: Callable[[], bytes]) -> Image:
    """The image titled `title`, drawn by `make` only when there is none yet."""
    item = Image.objects.filter(title=title).first()
    if item is not None:
        tally.add("unchanged", item)
        return item
    item = Image(title=title, collection=public_collection())
    item.file = ImageFile(io.BytesIO(make()), name=f"{title[:40]}.png".replace("/", "-"))
    item.save()
    tally.add("created", item)
    return item


def document(tally: Tally, title: str, make: Callable[[], bytes]) -> Document:
    """The document titled `title`, a PDF made by `make` only when there is none yet."""
    item = Document.objects.filter(title=title).first()
    if item is not None:
        tally.add("unchanged", item)
        return item
    item = Document(title=title, collection=public_collection())
    item.file.save(f"{title[:50]}.pdf".replace("/", "-"), ContentFile(make()), save=False)
    item.save()
    tally.add("created", item)
    return item
