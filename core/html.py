"""Stored HTML cleaned on its way out: a second line of defence behind the editor.

Wagtail's rich text editor keeps only the features it offers, but what reaches the
database by another road (an import, a migration, an old revision, a hand-made row) is
printed by the `richtext` filter and by rich text blocks as it is stored: a
`javascript:` link or an `onerror` attribute would run in every reader's browser. Every
rich text output of the site goes through `clean_rich_text` (the template Wagtail renders
rich text with, `wagtailcore/shared/richtext.html`, is ours): an allow-list of the tags
and attributes that the editor's features produce, links to http(s), mail, phone and the
site's own addresses only.
"""

from __future__ import annotations

import nh3

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "li", "ol", "p", "s", "strong", "sub", "sup", "ul",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_rich_text(html: str) -> str:
    """`html` with only the allowed tags, attributes and link schemes (others removed, text kept)."""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
