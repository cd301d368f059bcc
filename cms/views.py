"""Small public views beside Wagtail's pages: the readers' site map and the favicon."""

from __future__ import annotations

from pathlib import Path

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Site

# Pages listed under each section; a section with more links to its own index.
PAGES_PER_SECTION = 30
FAVICON = Path(__file__).resolve().parent / "static" / "cms" / "favicon.ico"


@require_safe
def site_map(request):
    """Every section of the site with its newest pages, as a page for people (the XML
    sitemap at /sitemap.xml is for search engines)."""
    site = Site.find_for_request(request)
    home = site.root_page.localized.specific if site else None
    sections = []
    if home is not None:
        for section in home.get_children().live().public().specific():
            pages = section.get_children().live().public().order_by("-first_published_at", "-pk")
            shown = list(pages[: PAGES_PER_SECTION + 1])
            sections.append(
                {"page": section, "pages": shown[:PAGES_PER_SECTION], "more": len(shown) > PAGES_PER_SECTION}
            )
    return TemplateResponse(request, "cms/site_map.html", {"home": home, "sections": sections})


@require_safe
@cache_control(max_age=60 * 60 * 24 * 7, public=True)
def favicon(request):
    """/favicon.ico, which browsers ask for whatever the page's link tags say."""
    return HttpResponse(FAVICON.read_bytes(), content_type="image/x-icon")
