"""The user guides: Markdown files in docs/guides/<language>/<role>.md, shown in the admin.

The same files read well in the repository (relative links to each other and to
../img/*.png); here those links are pointed at the admin's guide and image views.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.etree.ElementTree import Element

import markdown
from django.conf import settings
from django.urls import reverse
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ROLES = ("editor", "trainer", "manager", "administrator")
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
IMAGE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*\.png$")
GUIDE_LINK = re.compile(r"^(?:\.\./(?P<language>vi|en)/)?(?P<role>[a-z]+)\.md(?P<fragment>#[\w-]*)?$")


def guides_root() -> Path:
    return Path(settings.BASE_DIR) / "docs" / "guides"


def images_root() -> Path:
    return guides_root() / "img"


def guide_language(language_code: str | None) -> str:
    """The guides' language for an interface language: English for English, else Vietnamese."""
    return "en" if (language_code or "").lower().startswith("en") else DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Guide:
    role: str
    language: str
    title: str
    summary: str
    html: str
    toc: str
    images: tuple[str, ...]


class _AdminLinks(Treeprocessor):
    """Point the repository's relative links at the admin: images, and the other guides."""

    def __init__(self, md, language: str, images: list[str]):
        super().__init__(md)
        self.language = language
        self.images = images

    def run(self, root: Element) -> None:
        for element in root.iter():
            if element.tag == "img":
                self._image(element)
            elif element.tag == "a":
                self._link(element)

    def _image(self, element: Element) -> None:
        source = element.get("src", "")
        name = source.removeprefix("../img/")
        if source.startswith("../img/") and IMAGE_NAME.match(name):
            self.images.append(name)
            element.set("src", reverse("guides:image", args=[name]))
            element.set("loading", "lazy")

    def _link(self, element: Element) -> None:
        match = GUIDE_LINK.match(element.get("href", ""))
        if match is None or match["role"] not in ROLES:
            return
        url = reverse("guides:guide", args=[match["role"]])
        language = match["language"] or self.language
        if language != self.language:
            url += f"?lang={language}"
        element.set("href", url + (match["fragment"] or ""))


class _AdminLinksExtension(Extension):
    def __init__(self, language: str, images: list[str]):
        super().__init__()
        self.language = language
        self.images = images

    def extendMarkdown(self, md) -> None:  # Python-Markdown names it so
        md.treeprocessors.register(_AdminLinks(md, self.language, self.images), "guide_admin_links", 5)


def guide_path(role: str, language: str) -> Path:
    return guides_root() / language / f"{role}.md"


def render_guide(role: str, language: str) -> Guide:
    """The guide of a role in a language, as HTML for the admin (cached until the file changes)."""
    if role not in ROLES or language not in LANGUAGES:
        raise LookupError(f"No guide {language}/{role}")
    path = guide_path(role, language)
    return _render(role, language, path.stat().st_mtime_ns)


@lru_cache(maxsize=32)
def _render(role: str, language: str, _modified: int) -> Guide:
    text = guide_path(role, language).read_text(encoding="utf-8")
    images: list[str] = []
    converter = markdown.Markdown(
        extensions=["tables", "sane_lists", "toc", _AdminLinksExtension(language, images)],
        extension_configs={"toc": {"toc_depth": "2-2"}},
        output_format="html",
    )
    html = converter.convert(text)
    title, summary = _title_and_summary(text)
    # The page header shows the title: drop the document's own <h1>.
    html = re.sub(r"^\s*<h1[^>]*>.*?</h1>\s*", "", html, count=1, flags=re.S)
    return Guide(role, language, title, summary, html, converter.toc, tuple(images))


def _title_and_summary(text: str) -> tuple[str, str]:
    """The first heading, and the first paragraph after it as plain text."""
    blocks = [block.strip() for block in text.split("\n\n") if block.strip()]
    title = blocks[0].lstrip("#").strip() if blocks and blocks[0].startswith("# ") else ""
    paragraph = next((block for block in blocks[1:] if not block.startswith(("#", "!", "|", "-", ">"))), "")
    summary = re.sub(r"[*_`]|\[([^\]]*)\]\([^)]*\)", r"\1", " ".join(paragraph.split()))
    return title, summary
