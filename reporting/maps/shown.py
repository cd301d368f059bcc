"""The map as the screens show it: the admin totals report's (the user's provinces, each
linking to its activities) and the public statistics page's (public totals, a hidden count
hatched). The drawing itself is choropleth.py's."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from access.models import province_ids_for
from core.text import grouped
from places.models import Place
from reporting import stats
from reporting.maps.choropleth import province_map, shape_codes
from reporting.stats import cache

MERGER = datetime.date(2025, 7, 1)


def boundaries_for(date_to: datetime.date | None) -> str:
    """The 63 provinces for a period that ends before July 2025, else the 34."""
    return "before_2025" if date_to is not None and date_to < MERGER else "current"


def _label(measure: str) -> str:
    label = str(stats.MEASURE_LABELS[measure])
    return label[:1].upper() + label[1:]


def _period(filters: stats.Filters) -> str:
    start = filters.date_from.strftime("%d/%m/%Y") if filters.date_from else "…"
    end = filters.date_to.strftime("%d/%m/%Y") if filters.date_to else "…"
    return _("%(start)s–%(end)s") % {"start": start, "end": end}


def admin_totals_map(filters: stats.Filters, user, rows: list[dict] | None = None, measure: str = "sessions"):
    """The totals report's map: `measure` by province under the report's filters, only the
    provinces the user may see; each shape opens the totals report of that province, by
    kind, for the same dates. `rows` are the report's own rows by province when it holds
    them for the map's boundaries (no query more); else they are asked."""
    boundaries = boundaries_for(filters.date_to)
    if rows is None:
        as_recorded = boundaries != "current"
        rows = stats.totals(["province"], filters, user=user, as_recorded=as_recorded, measures=[measure]).rows
    ids = province_ids_for(user)
    codes = set(shape_codes(boundaries))
    if ids is not None:
        provinces = Place.objects.provinces_absorbed_into(ids).filter(is_current=boundaries == "current")
        codes &= set(provinces.values_list("code", flat=True))
    # With a place filter, the provinces outside it have no figures here, not zero.
    values = dict.fromkeys(codes, None if filters.place else 0)
    values.update({row["province_code"]: row[measure] for row in rows if row.get("province_code") in codes})
    dates = {
        key: day.strftime("%d/%m/%Y")
        for key, day in (("date_from", filters.date_from), ("date_to", filters.date_to))
        if day
    }

    def link(code: str) -> str:
        return reverse("reports_totals:index") + "?" + urlencode({"place": code, "by": "kind", **dates})

    caption = _("%(measure)s by province, %(period)s") % {"measure": _label(measure), "period": _period(filters)}
    return province_map(values, measure=_label(measure), caption=caption, link=link, boundaries=boundaries)


def public_map_svg(result: stats.Totals, province_codes: list[str], link_base: str = "") -> str:
    """The public statistics page's map: participations by current province from the public
    totals the page already holds (`result`: reporting.stats.totals by province with
    public=True, small counts of returned victims hidden, the others nudged), a hidden
    count hatched with the reason in the legend, each shape linking to the page filtered
    to its province. Kept in the cache with the public answers, until the records change."""
    question = {"map": "public", "measure": "participants", "base": link_base}
    return cache.cached_answer(question, lambda: _public_map(result, province_codes, link_base))


def _public_map(result: stats.Totals, province_codes: list[str], link_base: str) -> str:
    limit = stats.suppression.threshold()
    values = dict.fromkeys(province_codes, 0)
    values.update({row["province_code"]: row.get("participants") for row in result.rows if row.get("province_code")})
    hidden = _("hidden: a count of returned victims below %(limit)s, or one that would give it back") % {"limit": limit}
    measure = _label("participants")
    drawn = province_map(
        values,
        measure=measure,
        caption=_("%(measure)s by province, public totals") % {"measure": measure},
        link=lambda code: f"{link_base}?{urlencode({'province': code})}",
        number=grouped,
        hidden=hidden,
    )
    return drawn.svg
