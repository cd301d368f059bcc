"""Filtering of the article and leaflet indexes by GET parameters: topic, audience, province, year.

Plain links and a form with a submit button: it works without JavaScript. Unknown values
are ignored rather than answered with an error, since readers share and edit addresses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models.functions import ExtractYear

from campaigns.models import Audience, Topic
from places.models import Place

PER_PAGE = 12


@dataclass
class Listing:
    page_obj: object
    topics: list
    audiences: list
    provinces: list
    years: list[int]
    selected: dict = field(default_factory=dict)
    query_string: str = ""


def current_provinces():
    return Place.objects.current_provinces().order_by("name")


def filtered_listing(request, pages, date_field: str = "date") -> Listing:
    """`pages` (a queryset of live children) narrowed by the request's GET parameters, paginated."""
    params = request.GET
    selected: dict = {}
    topics = list(Topic.objects.all())
    audiences = list(Audience.objects.all())
    provinces = list(current_provinces().only("id", "code", "name"))
    years = sorted(
        {year for year in pages.annotate(y=ExtractYear(date_field)).values_list("y", flat=True) if year},
        reverse=True,
    )
    by_code = {
        "topic": {item.code: item for item in topics},
        "audience": {item.code: item for item in audiences},
        "province": {item.code: item for item in provinces},
    }
    for name, relation in (("topic", "topics"), ("audience", "audiences"), ("province", "provinces")):
        item = by_code[name].get(params.get(name, ""))
        if item is not None:
            pages = pages.filter(**{relation: item})
            selected[name] = item.code
    year = params.get("year", "")
    if year.isdigit() and int(year) in years:
        pages = pages.filter(**{f"{date_field}__year": int(year)})
        selected["year"] = int(year)
    pages = pages.order_by(f"-{date_field}", "-pk").distinct()
    paginator = Paginator(pages, PER_PAGE)
    page_obj = paginator.get_page(params.get("page"))
    query_string = "&".join(f"{name}={value}" for name, value in selected.items())
    return Listing(page_obj, topics, audiences, provinces, years, selected, query_string)
