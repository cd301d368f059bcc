"""What a report template can use: the fields, each documented, and the values for a
period and scope. Every number comes from reporting.stats (see figures.py)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from access.models import province_ids_for
from places.models import Place
from reporting.documents import wording
from reporting.documents.figures import BREAKDOWNS, Figures, Period, collect
from reporting.models.saved import NARRATIVE_FIELDS
from reporting.stats import MEASURES

# The fields of a row of a breakdown (by_kind, by_audience, …): its name, then the measures.
ROW_FIELDS = ("name", *MEASURES)
TARGET_FIELDS = ("campaign", "measure", "value", "actual", "percent", "status", "sentence")
# Every field a template may use, with what it holds (shown beside the upload form). A
# dict field lists its keys; a list field lists the keys of its rows.
FIELDS: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "issuer": (gettext_lazy("the issuing body, in capitals"), None),
    "number": (gettext_lazy("the number line (“Số: …/BC-…”), to be completed"), None),
    "date_line": (gettext_lazy("place and date (“Thanh Hóa, ngày 2 tháng 12 năm 2026”)"), None),
    "title": (gettext_lazy("the report's title"), None),
    "scope": (gettext_lazy("the province, or the whole country"), None),
    "period": (gettext_lazy("the period in words"), None),
    "period_start": (gettext_lazy("first day of the period (dd/mm/yyyy)"), None),
    "period_end": (gettext_lazy("last day of the period (dd/mm/yyyy)"), None),
    "previous_period": (gettext_lazy("the previous period of the same length, in words"), None),
    "stamp": (gettext_lazy("how final the figures are, and when they were taken"), None),
    "totals": (gettext_lazy("the period's totals, one key per measure"), MEASURES),
    "previous": (gettext_lazy("the previous period's totals, one key per measure"), MEASURES),
    "change": (gettext_lazy("the change from the previous period, in words, per measure"), MEASURES),
    "headline": (gettext_lazy("the headline figures in sentences"), None),
    "kinds_sentence": (gettext_lazy("the sessions of each kind in one sentence"), None),
    "audiences_sentence": (gettext_lazy("participations by audience in one sentence"), None),
    "comparison": (gettext_lazy("the comparison with the previous period in one sentence"), None),
    "by_kind": (gettext_lazy("rows by kind of activity"), ROW_FIELDS),
    "by_audience": (gettext_lazy("rows by audience"), ROW_FIELDS),
    "by_province": (gettext_lazy("rows by province (national reports)"), ROW_FIELDS),
    "by_district": (gettext_lazy("rows by district, as recorded before July 2025 (provincial reports)"), ROW_FIELDS),
    "by_commune": (gettext_lazy("rows by commune (provincial reports)"), ROW_FIELDS),
    "by_area": (gettext_lazy("rows by province, or by commune (else district) in a provincial report"), ROW_FIELDS),
    "area_label": (gettext_lazy("what by_area's rows are: province, commune or district"), None),
    "targets": (gettext_lazy("the plan's targets and their progress"), TARGET_FIELDS),
    "map": (gettext_lazy("the map of totals by province (an image)"), None),
    "map_caption": (gettext_lazy("the map's caption"), None),
    "recipients": (gettext_lazy("the recipients (“Nơi nhận”), one per line"), None),
    "results": (gettext_lazy("the results written in the saved report (“Kết quả”); empty when none is written"), None),
    "difficulties": (
        gettext_lazy("the difficulties and obstacles written in the saved report (“Khó khăn, vướng mắc”)"),
        None,
    ),
    "proposals": (
        gettext_lazy("the proposals and recommendations written in the saved report (“Đề xuất, kiến nghị”)"),
        None,
    ),
}
# Characters that docxtpl reads as its own markers (\a a new paragraph, \f a new page): a
# manager's text may not carry them, only the paragraphs and lines she typed.
MARKERS = str.maketrans("", "", "\a\f\v")
FIELD_KEYS = {name: keys for name, (_help, keys) in FIELDS.items()}


def _row(row: dict, label_key: str) -> dict:
    # "—" where the measure is empty: not applicable to the row, or unknown for all of it.
    values = {measure: "—" if row.get(measure) is None else wording.number(row[measure]) for measure in MEASURES}
    name = row.get(label_key) or _("not specified")
    return {"name": name[:1].upper() + name[1:], **values}


def _scope(province: Place | None) -> str:
    return province.name if province else _("the whole country")


def _issuer(province: Place | None) -> str:
    if province is None:
        return _("Central Committee of the Vietnam Women's Union").upper()
    return (_("Women's Union of %(province)s") % {"province": province.name}).upper()


def _date_line(province: Place | None, today) -> str:
    place = province.short_name if province else _("Hà Nội")
    return _("%(place)s, %(day)s/%(month)s/%(year)s") % {
        "place": place,
        "day": today.day,
        "month": today.month,
        "year": today.year,
    }


def period_text(period: Period) -> str:
    return _("from %(start)s to %(end)s") % {"start": wording.date(period.start), "end": wording.date(period.end)}


def _stamp(period: Period, now) -> str:
    stamp = _("Figures as recorded on %(date)s.") % {"date": now.strftime("%d/%m/%Y %H:%M")}
    if period.end >= now.date():
        stamp += " " + _("The period has not ended: the figures are provisional.")
    return stamp


def _target(progress) -> dict:
    return {
        "campaign": progress.target.campaign.code,
        "measure": str(progress.target.get_measure_display()),
        "value": wording.number(progress.target.value),
        "actual": wording.number(progress.actual),
        "percent": wording.percent(progress.percent),
        "status": progress.status_label,
        "sentence": wording.target_sentence(progress),
    }


def map_values(figures: Figures, user) -> dict[str, int | None]:
    """The map's value per province of the period's map (the 34 current ones, or the 63
    before July 2025): 0 for a province the user may see that has no record, nothing at all
    (no figures) for one the user may not see."""
    current = figures.period.boundaries == "current"
    provinces = Place.objects.filter(level="province", is_current=current)
    ids = province_ids_for(user) if user is not None else None
    if ids is not None:
        provinces = provinces.filter(pk__in=Place.objects.provinces_absorbed_into(ids).values("pk"))
    values = dict.fromkeys(provinces.values_list("code", flat=True), 0)
    values.update({code: value for code, value in figures.by_province_code.items() if code in values})
    return values


def written(text: str) -> str:
    """A written section for docxtpl: a blank line starts a paragraph (docxtpl's \\a), a
    single line break stays a line break in the same paragraph."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(MARKERS).strip()
    paragraphs = [part.strip() for part in text.split("\n\n") if part.strip()]
    return "\a".join(paragraphs)


def narrative_context(narrative: dict[str, str] | None) -> dict[str, str]:
    """The written sections' fields: the saved report's texts, or empty."""
    return {name: written((narrative or {}).get(name, "")) for name in NARRATIVE_FIELDS}


def build_context(figures: Figures) -> dict:
    """The values of every field of FIELDS but the map image (added when a document is made)."""
    now = timezone.localtime()
    period, province = figures.period, figures.province
    text = period_text(period)
    context = {
        "issuer": _issuer(province),
        "number": _("No.: …/BC-…"),
        "date_line": _date_line(province, now.date()),
        "title": _("Report on the results of the work against human trafficking"),
        "scope": _scope(province),
        "period": text,
        "period_start": wording.date(period.start),
        "period_end": wording.date(period.end),
        "previous_period": period_text(period.previous()),
        "stamp": _stamp(period, now),
        "totals": {measure: wording.number(figures.total.get(measure)) for measure in MEASURES},
        "previous": {measure: wording.number(figures.previous_total.get(measure)) for measure in MEASURES},
        "change": {
            measure: wording.change(figures.previous_total.get(measure), figures.total.get(measure))
            for measure in MEASURES
        },
        "headline": " ".join(wording.headline(figures.total, text[:1].upper() + text[1:], _scope(province))),
        "kinds_sentence": wording.kinds_sentence(figures.rows.get("by_kind", [])),
        "audiences_sentence": wording.audiences_sentence(figures.rows.get("by_audience", [])),
        "comparison": wording.comparison_sentence(
            figures.previous_total, figures.total, period_text(period.previous())
        ),
        "targets": [_target(progress) for progress in figures.targets],
        "map": None,
        "map_caption": "",
        "recipients": [_("as above"), _("the steering committee"), _("filed")],
        **narrative_context(None),
    }
    for name, _grouping, label_key in BREAKDOWNS:
        context[name] = [_row(row, label_key) for row in figures.rows.get(name, [])]
    context["by_area"], context["area_label"] = _area(context, province)
    return context


def _area(context: dict, province: Place | None) -> tuple[list[dict], str]:
    if province is None:
        return context["by_province"], _("Province")
    unnamed = _("not specified").capitalize()
    communes = [row for row in context["by_commune"] if row["name"] != unnamed]
    if communes or not context["by_district"]:
        return context["by_commune"], _("Commune")
    return context["by_district"], _("District")


def report_context(period: Period, province: Place | None, user) -> tuple[Figures, dict]:
    figures = collect(period, province, user)
    return figures, build_context(figures)
