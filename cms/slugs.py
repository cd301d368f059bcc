"""Page addresses in plain ASCII, folded from Vietnamese titles: "Na Mèo" → "na-meo".

A Unicode slug turns into a long percent-encoded address once shared
(`/tin-bai/na-m%C3%A8o-…`), and neither Django's `slugify` nor the admin's own script
knows Vietnamese: both drop "đ" and the letters with two marks ("ồ", "ậ"), so "Đồng hành"
became "ong-hanh". Here the server folds them (`vietnamese_slug`), and the admin's slug
widget gets the same folding as regex formatters (`SLUG_FORMATTERS`), which its
script applies before making the slug from the title.
"""

from __future__ import annotations

import unicodedata

from django.db import models
from django.utils.text import slugify
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import SlugInput

from core.text import ascii_key

# Long titles make unreadable addresses: a slug stops at the first word end after this.
SLUG_LENGTH = 60


def vietnamese_slug(text: str, max_length: int = SLUG_LENGTH) -> str:
    """ "Đồng hành cùng phụ nữ biên cương" → "dong-hanh-cung-phu-nu-bien-cuong"."""
    slug = slugify(ascii_key(text))
    if len(slug) > max_length:
        cut = slug.find("-", max_length)
        slug = slug[:cut] if cut > 0 else slug
    return slug


def _letter_classes() -> list[tuple[str, str]]:
    """Each ASCII letter with the accented Latin letters that fold to it ("[àáạảã…]", "a")."""
    folded: dict[str, list[str]] = {}
    for code in [*range(0x00C0, 0x0250), *range(0x1EA0, 0x1EFA)]:
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
        if char in "đĐ":
            base = "d" if char == "đ" else "D"
        if len(base) == 1 and base.isascii() and base.isalpha() and base != char:
            folded.setdefault(base, []).append(char)
    return [(f"[{''.join(chars)}]", base) for base, chars in sorted(folded.items())]


SLUG_FORMATTERS: list[tuple[str, str]] = [
    # At most SLUG_LENGTH characters and the rest of that word.
    (r"^([\s\S]{" + str(SLUG_LENGTH) + r"}[^\s-]*)[\s-][\s\S]*$", "$1"),
    *_letter_classes(),
    # Marks typed as separate characters (decomposed Unicode, as some keyboards send).
    ("[\u0300-\u036f]", ""),
]


class VietnameseSlugInput(SlugInput):
    """Wagtail's slug widget, folding Vietnamese to ASCII as `vietnamese_slug` does."""

    def __init__(self, attrs: dict | None = None, formatters=None, locale=None) -> None:
        super().__init__(attrs, formatters=formatters or SLUG_FORMATTERS, locale=locale)


def register_overrides() -> None:
    register_form_field_override(models.SlugField, override={"widget": VietnameseSlugInput})
