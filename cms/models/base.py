"""What every public page type shares: diacritics-folded search text and listing helpers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.db import models
from django.utils.html import strip_tags
from wagtail.models import Page
from wagtail.search import index

from campaigns.text import ascii_key


def stream_text(raw) -> list[str]:
    """Every string in a StreamField's raw data, HTML removed (ids and numbers are skipped)."""
    found: list[str] = []

    def walk(value) -> None:
        if isinstance(value, str):
            if " " in value or len(value) > 3:
                found.append(strip_tags(value))
        elif isinstance(value, Mapping):
            for key, item in value.items():
                if key not in {"id", "type"}:
                    walk(item)
        elif isinstance(value, Sequence):  # lists, tuples and StreamField's RawDataView
            for item in value:
                walk(item)

    walk(raw)
    return found


class FoldedSearchMixin(models.Model):
    """Pages findable with or without Vietnamese diacritics.

    Wagtail's database backend matches words as stored: on PostgreSQL "mua ban nguoi" does
    not find "mua bán người", and SQLite's FTS5 tokenizer folds only some marks (not "đ").
    So each page also indexes its text folded to plain ASCII, and the search view folds
    the query the same way (see cms.search).
    """

    search_fields = [index.SearchField("folded_search_text")]

    class Meta:
        abstract = True

    def search_texts(self) -> list[str]:
        return [self.title, getattr(self, "search_description", "")]

    def folded_search_text(self) -> str:
        return ascii_key(" ".join(text for text in self.search_texts() if text))


class SitePage(FoldedSearchMixin, Page):
    """A public page type of this site."""

    search_fields = [*Page.search_fields, *FoldedSearchMixin.search_fields]

    class Meta:
        abstract = True
