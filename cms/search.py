"""Site search: articles, leaflets and campaign pages, with or without diacritics."""

from __future__ import annotations

import re

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from core.text import ascii_key

PER_PAGE = 10
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12
# Letters and digits only: quotes, *, -, ^, parentheses and control characters are
# operators or syntax errors to SQLite's FTS5 and PostgreSQL's tsquery, never words.
_WORD_RE = re.compile(r"[^\W_]+")


def searchable_types():
    from cms.models import ArticlePage, CampaignPage, ContentPage, LeafletPage

    return (ArticlePage, LeafletPage, CampaignPage, ContentPage)


def search_pages(query: str, locale: Locale | None = None):
    """Live public pages matching every word of `query`, folded to ASCII on both sides.

    Each page indexes `folded_search_text` (see cms.models.base), so "mua ban nguoi" and
    "mua bán người" are the same words to the backend on SQLite and PostgreSQL alike.
    """
    words = _WORD_RE.findall(ascii_key(query[:MAX_QUERY_LENGTH]))[:MAX_QUERY_WORDS]
    # Lower case: FTS5 reads AND, OR, NOT and NEAR as operators only in capitals.
    folded = " ".join(word.lower() for word in words)
    if not folded:
        return Page.objects.none()
    pages = Page.objects.live().public().type(*searchable_types())
    if locale is not None:
        pages = pages.filter(locale=locale)
    return pages.search(folded, operator="and")


def search(request):
    query = request.GET.get("q", "").strip()
    results = None
    page_obj = None
    if query:
        # Only the reader's language: without its locale there is nothing to find, never the
        # other language's pages.
        locale = Locale.objects.filter(language_code=get_language()).first()
        results = search_pages(query, locale) if locale is not None else Page.objects.none()
        page_obj = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
        found = list(page_obj.object_list)
        # One query per page type for all the results, not one per result.
        specific = {page.pk: page for page in Page.objects.filter(pk__in=[p.pk for p in found]).specific()}
        page_obj.object_list = [specific.get(page.pk, page) for page in found]
    return TemplateResponse(
        request,
        "cms/search.html",
        {"search_query": query, "page_obj": page_obj, "query_string": f"q={query}" if query else ""},
    )
