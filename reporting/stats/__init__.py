"""The one place that computes totals: reports, pages, exports, the API and the command call it.

Measures come in families, each answered by one grouped query on its own table
(see families.py):

- activities (Activity, held only): activities, sessions, participants (person-times),
  female, ethnic_minority, unknown_participants (records whose count is unknown);
- sign-in lists (Attendance, present): unique_participants;
- clubs (Club, active): clubs, club_members;
- distributions (MaterialDistribution): leaflets_distributed.

Values: a number; None where the family does not apply to the grouping or filters (a club
has no month) or where every record of the group left the number unknown. Rows hold the
grouping keys and the measures; `total` comes from its own query, so records with several
organisers or audiences count once there although they appear under each in the rows.

Geography: by default old units count under the current unit that took them over
(Tiền Giang's activities under Đồng Tháp); `as_recorded=True` groups by the units as they
were. Districts were abolished in 2025, so districts are always those recorded.
Periods: a batch of sessions over a date range ("30 sessions in 2018–2020") is spread over
the years, quarters or months it spans, and a date filter takes the share of its days
inside the filter, in proportion to its days, in whole numbers that add up to the batch's
figures (largest remainder; see spread.py, which says what happens to unique people and to
sensitive batches in public); the whole-period total is unchanged. `batches_at_start=True`
counts every batch wholly in the period of its start date, as recorded. A quarter or a
month is always within its year.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from reporting.stats import approved, cache, perturbation, spread, suppression
from reporting.stats.families import FAMILIES, ActivityFamily, Family, Filters
from reporting.stats.labels import LABEL_KEYS, row_labels
from reporting.stats.leaflets import leaflet_distribution
from reporting.stats.targets import TargetProgress, target_progress

__all__ = [
    "DIMENSIONS",
    "MEASURES",
    "Filters",
    "TargetProgress",
    "Totals",
    "held_outside_period",
    "leaflet_distribution",
    "target_progress",
    "totals",
]

MEASURE_LABELS = {
    "activities": _("records"),
    "sessions": _("sessions"),
    "participants": _("participants (person-times)"),
    "female": _("of whom female"),
    "ethnic_minority": _("of whom ethnic minority"),
    "unique_participants": _("unique participants"),
    "unknown_participants": _("records with unknown participants"),
    "clubs": _("active clubs"),
    "club_members": _("club members"),
    "leaflets_distributed": _("leaflets given out"),
}
MEASURES = list(MEASURE_LABELS)
# Anonymous callers: everything but what is derived from sign-in lists of named people.
PUBLIC_MEASURES = [measure for measure in MEASURES if measure != "unique_participants"]

DIMENSION_LABELS = {
    "province": _("province"),
    "district": _("district"),
    "commune": _("commune"),
    "year": _("year"),
    "quarter": _("quarter"),
    "month": _("month"),
    "kind": _("kind"),
    "campaign": _("campaign"),
    "organiser": _("organiser"),
    "audience": _("audience"),
}
DIMENSIONS = list(DIMENSION_LABELS)


@dataclass
class Totals:
    by: list[str]
    filters: Filters
    measures: list[str]
    rows: list[dict] = field(default_factory=list)
    total: dict = field(default_factory=dict)
    at_start: bool = False  # batches counted wholly in their start period (spread.py)

    def as_json(self) -> dict:
        return {"by": self.by, "filters": self.filters.as_json(), "rows": self.rows, "total": self.total}


def normalise_by(by) -> list[str]:
    """The grouping in a stable order; a quarter or a month always comes with its year."""
    unknown = [name for name in by if name not in DIMENSIONS]
    if unknown:
        raise ValueError(_("Unknown grouping: %(names)s.") % {"names": ", ".join(unknown)})
    wanted = set(by)
    if wanted & {"quarter", "month"}:
        wanted.add("year")
    return [name for name in DIMENSIONS if name in wanted]


def totals(
    by=(),
    filters: Filters | None = None,
    *,
    user=None,
    public: bool = False,
    as_recorded: bool = False,
    batches_at_start: bool = False,
    threshold: int | None = None,
    measures=None,
) -> Totals:
    """Totals grouped by `by` (any of DIMENSIONS) under `filters`.

    `measures` names the measures wanted (None: all of them); a family none of whose
    measures is wanted is not asked at all, so a chart of sessions and participants pays
    for no COUNT(DISTINCT …) over the sign-in lists.

    `user` narrows to the provinces that user may see (None: everything, for the command
    line). `batches_at_start` counts batches wholly in their start period (spread.py: by
    default they are spread over the periods they span). `public` gives only PUBLIC_MEASURES
    and hides small counts of sensitive audiences
    (returned victims) and the counts that would give them back, at any grouping and under
    any filter (see suppression.py; `threshold` defaults to settings.SENSITIVE_COUNT_THRESHOLD).
    One grouped query per measure family, one aggregate per family for the total, one query
    per kind of label (places, campaigns, organisers, audiences), and in public one more
    for the sensitive activities. An anonymous answer (public, no user) is kept in the cache
    until the records change (cache.py): asked again, it costs one cache read. With
    `REPORTING_PUBLIC_APPROVED_ONLY`, public totals count only the records of approved
    reporting periods (approved.py; two queries more).
    """
    by = normalise_by(by)
    filters = filters or Filters()
    measures = _wanted(measures, PUBLIC_MEASURES if public else MEASURES)
    if public and user is None:
        limit = suppression.threshold() if threshold is None else threshold
        question = {
            "by": by,
            "filters": {**filters.as_json(), "place": filters.place.pk if filters.place else None},
            "measures": measures,
            "as_recorded": as_recorded,
            "batches_at_start": batches_at_start,
            "threshold": limit,
            "bound": perturbation.bound(),
            "approved_only": approved.approved_only(),
        }
        return cache.cached_answer(
            question, lambda: _totals(by, filters, None, True, as_recorded, limit, measures, batches_at_start)
        )
    return _totals(by, filters, user, public, as_recorded, threshold, measures, batches_at_start)


def _totals(by, filters, user, public, as_recorded, threshold, measures, batches_at_start=False) -> Totals:
    result = Totals(by=by, filters=filters, measures=measures, at_start=batches_at_start)
    days = approved.approved_days() if public and approved.approved_only() else None
    grouped: dict[tuple, dict] = {}
    for family in FAMILIES:
        wanted = [measure for measure in family.measures if measure in measures]
        if not wanted or not family.applies([], filters):
            continue
        records = family.queryset(user, approved_days=days)
        batches = None
        if isinstance(family, ActivityFamily) and not batches_at_start and spread.applies(by, filters):
            movable = spread.batch_q() & ~suppression.sensitive_q() if public else spread.batch_q()
            batches = records.filter(movable)
            records = records.exclude(movable)
        records = records.filter(family.condition(filters))
        empty = dict.fromkeys(wanted, 0)
        if batches is not None:
            # Sums a batch may leave unknown start unknown; a count of records starts at 0.
            empty.update(dict.fromkeys(set(wanted) & set(spread.SHARED)))
        result.total.update(_aggregate(records, family, wanted, filters, empty))
        grouping = bool(by) and family.applies(by, filters)
        if grouping:
            for row in _grouped(records, family, by, as_recorded, wanted, filters):
                key = tuple(row.pop(f"_{name}") for name in by)
                grouped.setdefault(key, {}).update(_unprefixed(row))
        if batches is not None:
            seen = _spread_batches(
                batches, family, by if grouping else [], as_recorded, wanted, filters, result, grouped
            )
            if not seen:
                result.total.update({m: 0 for m in wanted if result.total.get(m, 0) is None and m in empty})
    result.total = {measure: _value(result.total, measure, _applicable([], filters)) for measure in measures}
    keyed = _rows(by, grouped, measures, _applicable(by, filters)) if by else []
    if public:
        limit = suppression.threshold() if threshold is None else threshold
        _protect(result, keyed, user, as_recorded, limit, days)
    result.rows = [row for _key, row in keyed] if by else [dict(result.total)]
    return result


def _spread_batches(batches, family, by, as_recorded, wanted, filters, result, grouped) -> int:
    """Add the batches' parts inside the filter's dates to the rows and the total (spread.py;
    one query: one row per batch and per key of the other groupings)."""
    batches = batches.filter(family.condition(spread.undated(filters)) & spread.overlap_q(filters))
    keys = {f"_{name}": family.group_expression(name, as_recorded) for name in by if name not in spread.PERIODS}
    counts = ("start_date", "end_date", "sessions", "participants", "female", "ethnic_minority")
    seen = set()
    for row in batches.order_by().annotate(**keys).values(*keys, "pk", *counts):
        parts = spread.spread(row, by, filters, wanted)
        for periods, values in parts.items():
            found = iter(periods)
            key = tuple(next(found) if name in spread.PERIODS else row[f"_{name}"] for name in by)
            spread.add(grouped.setdefault(key, {}), values)
        if row["pk"] in seen:
            continue
        seen.add(row["pk"])
        whole: dict = {}
        for values in parts.values():
            spread.add(whole, {m: v for m, v in values.items() if m not in spread.COUNTED})
        whole.update({m: values[m] for values in parts.values() for m in spread.COUNTED if m in values})
        spread.add(result.total, whole)
    return len(seen)


def _wanted(measures, allowed: list[str]) -> list[str]:
    """The measures asked for, in the order of MEASURES; an unknown one is an error."""
    if measures is None:
        return list(allowed)
    unknown = [name for name in measures if name not in MEASURES]
    if unknown:
        raise ValueError(_("Unknown measure: %(names)s.") % {"names": ", ".join(unknown)})
    return [name for name in allowed if name in set(measures)]


def held_outside_period(campaign) -> int:
    """Held activities recorded for `campaign` that started outside its period (one query;
    of approved periods only, as the public totals, with REPORTING_PUBLIC_APPROVED_ONLY):
    a campaign's page counts its period only and says how many it left out."""
    outside = Q(start_date__lt=campaign.start_date)
    if campaign.end_date:
        outside |= Q(start_date__gt=campaign.end_date)
    days = approved.approved_days() if approved.approved_only() else None
    return ActivityFamily().queryset(None, approved_days=days).filter(outside, campaign=campaign).count()


def _protect(result: Totals, keyed: list[tuple[tuple, dict]], user, as_recorded: bool, limit: int, days) -> None:
    """Public figures: each row and the total count their sensitive activities at their
    public counts (perturbation.py), then small counts are hidden (suppression.py)."""
    family = ActivityFamily()
    records = family.queryset(user, approved_days=days).filter(family.condition(result.filters))
    keys = {f"_{name}": family.group_expression(name, as_recorded) for name in result.by}
    sensitive = suppression.sensitive_records(records, keys, limit)
    everything: dict[int, dict] = {}
    for found in sensitive.values():
        everything.update(found)
    for key, row in keyed:
        perturbation.perturb_cell(row, sensitive.get(key, {}))
    perturbation.perturb_cell(result.total, everything)
    rows, row_keys = [row for _key, row in keyed], [key for key, _row in keyed]
    suppression.suppress(result.by, rows, row_keys, result.total, sensitive, limit)


def _applicable(by, filters: Filters) -> set[str]:
    return {measure for family in FAMILIES if family.applies(by, filters) for measure in family.measures}


def _value(values: dict, measure: str, applicable: set[str]):
    """None where the measure does not apply; 0 where its family has no record in the group;
    else what the database summed (None when every record left it unknown)."""
    if measure not in applicable:
        return None
    return values.get(measure, 0)


def _aggregate(records, family: Family, wanted: list[str], filters: Filters, empty: dict | None = None) -> dict:
    aggregates = _prefixed(family.aggregates(filters), wanted)
    values = _unprefixed(records.aggregate(m__records=Count("pk"), **aggregates))
    if not values.pop("_records"):
        return dict(empty) if empty is not None else dict.fromkeys(wanted, 0)
    return values


def _grouped(records, family: Family, by: list[str], as_recorded: bool, wanted: list[str], filters: Filters):
    keys = {f"_{name}": family.group_expression(name, as_recorded) for name in by}
    aggregates = _prefixed(family.aggregates(filters), wanted)
    return records.order_by().annotate(**keys).values(*keys).annotate(**aggregates)


def _prefixed(aggregates: dict, wanted: list[str]) -> dict:
    # An alias equal to a field name ("participants") is refused by Django's aggregate().
    return {f"m_{name}": aggregates[name] for name in wanted}


def _unprefixed(values: dict) -> dict:
    return {name.removeprefix("m_"): value for name, value in values.items()}


def _rows(by, grouped: dict[tuple, dict], measures, applicable: set[str]) -> list[tuple[tuple, dict]]:
    """(group key, row with readable keys), in a stable order."""
    labels = row_labels(by, grouped.keys())
    rows = []
    for key, values in grouped.items():
        row: dict = {}
        for name, value in zip(by, key, strict=True):
            row.update(labels[name](value))
        for measure in measures:
            row[measure] = _value(values, measure, applicable)
        rows.append((key, row))
    rows.sort(key=lambda item: tuple(_sortable(item[1].get(LABEL_KEYS[name])) for name in by))
    return rows


def _sortable(value) -> tuple:
    return (value is None, value if value is not None else "")
