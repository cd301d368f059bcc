"""The campaign story page, the public statistics page and the plain content page."""

from __future__ import annotations

from django.db import models
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.blocks import BodyBlock
from places.models import Place
from reporting import stats
from reporting.maps.shown import public_map_svg
from reporting.periods.services import public_standing

from .base import SitePage, stream_text

# What the public pages show, in this order (anonymous readers get public measures only).
HEADLINE_MEASURES = ["sessions", "participants", "clubs", "leaflets_distributed"]


def measure_rows(values: dict, measures=HEADLINE_MEASURES) -> list[dict]:
    """Figures in order; participants carry how many records left their count unknown, so a
    page can say "at least" rather than pass a partial sum off as the whole."""
    rows = [{"key": name, "label": stats.MEASURE_LABELS[name], "value": values.get(name)} for name in measures]
    for row in rows:
        if row["key"] == "participants":
            row["unknown"] = values.get("unknown_participants") or 0
            row["at_least"] = bool(row["unknown"]) and isinstance(row["value"], int) and row["value"] > 0
    return rows


def covered_years(province=None) -> tuple[int, int] | None:
    """The first and last year with a held activity in the public figures (of `province`
    when given), so the page can say which period its totals cover."""
    filters = stats.Filters(place=province) if province is not None else None
    by_year = stats.totals(by=["year"], filters=filters, public=True, measures=["activities"])
    years = [row["year"] for row in by_year.rows if row.get("year") and row.get("activities")]
    return (min(years), max(years)) if years else None


class CampaignPage(SitePage):
    """A campaign's story, with its live totals and progress against its targets."""

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(_("summary"), max_length=500, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("story"), blank=True)

    content_panels = [*SitePage.content_panels, FieldPanel("campaign"), FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*SitePage.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    template = "cms/campaign_page.html"

    class Meta:
        verbose_name = _("campaign page")
        verbose_name_plural = _("campaign pages")

    def search_texts(self) -> list[str]:
        return [*super().search_texts(), self.summary, *stream_text(self.body.raw_data)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaign = self.campaign
        if campaign is not None:
            # Only what was held within the campaign's period counts on its page; what was
            # recorded for it outside the period is said, not added.
            within = stats.Filters(campaign=campaign.code, date_from=campaign.start_date, date_to=campaign.end_date)
            result = stats.totals(filters=within, public=True)
            context["figures"] = measure_rows(result.total)
            context["outside_period"] = stats.held_outside_period(campaign)
            targets = campaign.targets.select_related("campaign", "audience", "province")
            context["progress"] = stats.target_progress(targets, public=True)
            context["standing"] = public_standing(campaign.start_date, campaign.end_date)
        return context


class StatisticsPage(SitePage):
    """Public totals by province (and by district inside one province), small counts suppressed."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*SitePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "cms/statistics_page.html"

    class Meta:
        verbose_name = _("statistics page")
        verbose_name_plural = _("statistics pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        provinces = Place.objects.current_provinces().order_by("name").only("code", "name")
        province = provinces.filter(code=request.GET.get("province", "")).first()
        if province is None:
            result = stats.totals(by=["province"], public=True)
            place_key = "province_name"
        else:
            # Districts were abolished in 2025: the rows are the districts as they were.
            result = stats.totals(by=["district"], filters=stats.Filters(place=province), public=True)
            place_key = "district_name"
        rows = [
            {
                "place": row.get(place_key) or _("not recorded"),
                "code": row.get("province_code"),
                "values": measure_rows(row),
            }
            for row in result.rows
        ]
        total = measure_rows(result.total)
        listed = list(provinces)
        if province is None:
            # Inline SVG drawn on the server, cached with the public totals: no map library.
            codes = [place.code for place in listed]
            context["map_svg"] = mark_safe(public_map_svg(result, codes, self.url or ""))
        context.update(
            covered_years=covered_years(province),
            province=province,
            provinces=listed,
            rows=rows,
            total=total,
            columns=measure_rows({}),
            threshold=stats.suppression.threshold(),
            perturbation_bound=stats.perturbation.bound(),
            standing=public_standing(),
            chart={
                "labels": [str(row["place"]) for row in rows],
                # A hidden ("<11", "*") or unknown count draws no bar, not a bar of 0.
                "values": [
                    row["values"][1]["value"] if isinstance(row["values"][1]["value"], int) else None for row in rows
                ],
                "label": str(stats.MEASURE_LABELS["participants"]),
            },
        )
        return context


class ContentPage(SitePage):
    """A plain page: about us, how to get help, terms."""

    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*SitePage.content_panels, FieldPanel("body")]
    search_fields = [*SitePage.search_fields, index.SearchField("body")]
    template = "cms/content_page.html"

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    def search_texts(self) -> list[str]:
        return [*super().search_texts(), *stream_text(self.body.raw_data)]
