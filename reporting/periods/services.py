"""Moves of the reporting cycle: submit, send back, approve, accept, ask to reopen, reopen.

Each move checks the person's permission and provinces, changes the period's state, and
writes an audit entry (the period, the move, its reason, the figures it stamped). Approving
stamps the period's figures, read from `reporting.stats`: what the province reported upward.

Who moves what (README, *The reporting cycle*):

- a province's managers submit a period, send a submitted one back, and approve it (an open
  period may be approved at once, as when a year already entered is closed);
- national administrators accept an approved period, and reopen an approved or accepted one,
  with a reason; a manager may ask them to, with a reason.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from access.models import province_ids_for
from campaigns.models import Activity
from places.models import Place
from reporting.models import PeriodKind, PeriodState, ReportingPeriod
from reporting.periods.calendar import YEAR_PERIODS, period_dates
from reporting.stats import Filters, approved, cache, totals

# The measures a period's figures keep: what a periodic report gives upward.
FIGURE_MEASURES = [
    "sessions",
    "participants",
    "female",
    "ethnic_minority",
    "unique_participants",
    "clubs",
    "club_members",
    "leaflets_distributed",
]
ACTIONS = {
    "submit": ("reporting.submit_reportingperiod", (PeriodState.OPEN,)),
    "send_back": ("reporting.approve_reportingperiod", (PeriodState.SUBMITTED,)),
    "approve": ("reporting.approve_reportingperiod", (PeriodState.OPEN, PeriodState.SUBMITTED)),
    "accept": ("reporting.accept_reportingperiod", (PeriodState.APPROVED,)),
    "request_reopening": ("reporting.submit_reportingperiod", (PeriodState.APPROVED, PeriodState.ACCEPTED)),
    "reopen": ("reporting.reopen_reportingperiod", (PeriodState.APPROVED, PeriodState.ACCEPTED)),
}
NEEDS_REASON = {"send_back", "request_reopening", "reopen"}


class CycleRefused(ValidationError):
    """A move the period's state or the reason does not allow; nothing changed."""


def period(province: Place, kind: str, year: int, number: int) -> ReportingPeriod:
    """The stored period, or a new open one (not saved) with the calendar's dates."""
    found = ReportingPeriod.objects.filter(province=province, kind=kind, year=year, number=number).first()
    if found is not None:
        return found
    start, end = period_dates(kind, year, number)
    return ReportingPeriod(province=province, kind=kind, year=year, number=number, start_date=start, end_date=end)


def periods_of_year(provinces: Sequence[Place], year: int) -> dict[int, list[ReportingPeriod]]:
    """Every period of `year` of each province, stored or (open, unsaved) not yet, in the
    calendar's order: one query whatever the number of provinces."""
    stored = {
        (p.province_id, p.kind, p.number): p
        for p in ReportingPeriod.objects.filter(province__in=provinces, year=year).select_related(
            "province", "submitted_by", "approved_by", "accepted_by", "reopen_requested_by"
        )
    }
    result = {}
    for province in provinces:
        rows = []
        for kind, number in YEAR_PERIODS:
            found = stored.get((province.pk, kind, number))
            if found is None:
                start, end = period_dates(kind, year, number)
                found = ReportingPeriod(
                    province=province, kind=kind, year=year, number=number, start_date=start, end_date=end
                )
            rows.append(found)
        result[province.pk] = rows
    return result


def figures(periods: Sequence[ReportingPeriod]) -> dict[int, dict]:
    """Today's figures of each period (keyed by `id()` of the period), from reporting.stats:
    one totals call per period, a handful of queries each, whatever the number of records."""
    return {
        id(item): _clean(
            totals((), Filters(date_from=item.start_date, date_to=item.end_date, place=item.province)).total
        )
        for item in periods
    }


def _clean(total: dict) -> dict:
    return {measure: total.get(measure) for measure in FIGURE_MEASURES}


def may(user, action: str, item: ReportingPeriod) -> bool:
    """Whether `user` may make this move on this period now (permission, province, state)."""
    permission, states = ACTIONS[action]
    if not user.has_perm(permission) or item.state not in states:
        return False
    if action == "request_reopening" and item.reopen_requested_at:
        return False
    ids = province_ids_for(user)
    return ids is None or item.province_id in ids


@transaction.atomic
def move(action: str, items: Iterable[ReportingPeriod], *, user, reason: str = "") -> list[ReportingPeriod]:
    """Make the move `action` on every period of `items` (one period, or a year with its
    quarters and halves for a bulk approval), or on none: a period that may not make it
    refuses the whole move. Returns the periods moved, as stored."""
    items = list(items)
    reason = reason.strip()
    if action in NEEDS_REASON and not reason:
        raise CycleRefused(_("Give a reason: it is kept with the period and shown to the province."))
    for item in items:
        if not may(user, action, item):
            if not user.has_perm(ACTIONS[action][0]):
                raise PermissionDenied
            raise CycleRefused(
                _("%(period)s is %(state)s: it cannot be moved that way.")
                % {"period": item, "state": item.get_state_display()}
            )
    if action == "reopen":
        items = _with_covering(items)
    now = timezone.now()
    stamped = figures(items) if action == "approve" else {}
    for item in items:
        data = {"reason": reason} if reason else {}
        _apply(action, item, user, now, reason)
        if action == "approve":
            data["figures"] = item.approved_figures = stamped[id(item)]
        item.save()
        log(item, f"reporting.period.{action}", user=user, data=data)
    # What the public may count moves with the approvals (REPORTING_PUBLIC_APPROVED_ONLY).
    cache.bump_data_version()
    return items


def _apply(action: str, item: ReportingPeriod, user, now, reason: str) -> None:
    if action == "submit" or (action == "approve" and item.state == PeriodState.OPEN):
        item.submitted_at, item.submitted_by = now, user
    if action == "submit":
        item.state = PeriodState.SUBMITTED
    elif action == "send_back":
        item.state = PeriodState.OPEN
    elif action == "approve":
        item.state, item.approved_at, item.approved_by = PeriodState.APPROVED, now, user
    elif action == "accept":
        item.state, item.accepted_at, item.accepted_by = PeriodState.ACCEPTED, now, user
    elif action == "request_reopening":
        item.reopen_requested_at, item.reopen_requested_by, item.reopen_reason = now, user, reason
    elif action == "reopen":
        item.state, item.reopened_at, item.reopen_reason = PeriodState.OPEN, now, reason
        item.reopen_requested_at = item.reopen_requested_by = None
        item.accepted_at = item.accepted_by = None


def _with_covering(items: list[ReportingPeriod]) -> list[ReportingPeriod]:
    """Reopening a period reopens the locked periods of its province that share days with it
    (the half-year and the year around a quarter; the quarters inside a year): otherwise
    they would still hold its records locked."""
    query = Q(pk__in=[])
    for item in items:
        query |= Q(province_id=item.province_id, start_date__lte=item.end_date, end_date__gte=item.start_date)
    others = ReportingPeriod.objects.locked().filter(query).exclude(pk__in=[i.pk for i in items])
    return [*items, *others.select_related("province")]


def year_with_parts(province: Place, year: int) -> list[ReportingPeriod]:
    """A year and its quarters and halves, stored or new: what a bulk approval moves."""
    return periods_of_year([province], year)[province.pk]


def approve_years(provinces: Sequence[Place], year: int, *, user) -> list[ReportingPeriod]:
    """Approve `year` with its quarters and halves for every province of `provinces` at once
    (data already entered), skipping the periods already approved or accepted."""
    rows = periods_of_year(provinces, year)
    items = [item for province in provinces for item in rows[province.pk] if not item.is_locked]
    return move("approve", items, user=user)


def changed_since(item: ReportingPeriod):
    """When the period was last submitted or reopened, and the activities inside it changed
    since then (what the approver reads before approving; the amendments of a reopening)."""
    since = max(filter(None, [item.submitted_at, item.reopened_at]), default=None)
    inside = Q(start_date__lte=item.end_date) & (
        Q(end_date__gte=item.start_date) | Q(end_date__isnull=True, start_date__gte=item.start_date)
    )
    provinces = Place.objects.provinces_absorbed_into([item.province_id])
    activities = Activity.objects.filter(inside, province__in=provinces)
    return since, (activities.filter(updated_at__gt=since) if since else activities.none())


def deleted_since(item: ReportingPeriod, since) -> list[ModelLogEntry]:
    """The audit entries of the activities of the period's province deleted since `since`
    whose days shared one with the period (the entry keeps where and when the activity
    counted: campaigns.services.deleted_where), newest first. One query."""
    if since is None:
        return []
    provinces = list(Place.objects.provinces_absorbed_into([item.province_id]).values_list("pk", flat=True))
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Activity, for_concrete_model=False),
        action="wagtail.delete",
        timestamp__gt=since,
        data__province__in=provinces,
    ).select_related("user")
    found = []
    for entry in entries.order_by("-timestamp"):
        start = _day(entry.data.get("start_date"))
        end = _day(entry.data.get("end_date")) or start
        if start and start <= item.end_date and item.start_date <= end:
            found.append(entry)
    return found


def _day(text):
    return datetime.date.fromisoformat(text) if text else None


MOST_PERIODS_SHOWN = 28  # seven years of quarters: beyond, the summary names the years only


def states_between(user, date_from, date_to, province=None, most_quarters=MOST_PERIODS_SHOWN) -> list[dict]:
    """Where the periods of `date_from`…`date_to` stand, for the provinces `user` sees (or the
    one `province`): each period with how many provinces have it accepted, approved,
    submitted or not yet submitted. Two queries, whatever the number of provinces or records.
    Over more than `most_quarters` quarters, the years only. Empty without both dates (a
    report over all time names no period)."""
    if date_from is None or date_to is None or date_from > date_to:
        return []
    wanted = _periods_between(date_from, date_to, most_quarters)
    if not wanted:
        return []
    provinces = Place.objects.current_provinces()
    ids = province_ids_for(user) if user is not None else None
    if ids is not None:
        provinces = provinces.filter(pk__in=ids)
    if province is not None:
        provinces = provinces.filter(pk=province.pk)
    province_ids = list(provinces.values_list("pk", flat=True))
    counted = (
        ReportingPeriod.objects.filter(province__in=province_ids, year__in={year for _k, year, _n in wanted})
        .exclude(state=PeriodState.OPEN)
        .values_list("kind", "year", "number", "state")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts: dict[tuple, dict] = {}
    for kind, year, number, state, count in counted:
        counts.setdefault((kind, year, number), {})[state] = count
    rows = []
    for kind, year, number in wanted:
        states = counts.get((kind, year, number), {})
        done = sum(states.values())
        label = ReportingPeriod(kind=kind, year=year, number=number).label()
        rows.append(
            {
                "label": label,
                "kind": kind,
                "year": year,
                "provinces": len(province_ids),
                "accepted": states.get(PeriodState.ACCEPTED, 0),
                "approved": states.get(PeriodState.APPROVED, 0),
                "submitted": states.get(PeriodState.SUBMITTED, 0),
                "open": len(province_ids) - done,
                "provisional": states.get(PeriodState.ACCEPTED, 0) + states.get(PeriodState.APPROVED, 0)
                < len(province_ids),
            }
        )
    return rows


def _periods_between(date_from, date_to, most_quarters: int) -> list[tuple[str, int, int]]:
    """The quarters and years that share days with the range (only the years, over a range
    longer than `most_quarters` quarters)."""
    found = []
    for year in range(date_from.year - 1, date_to.year + 2):
        for kind, number in YEAR_PERIODS:
            if kind == PeriodKind.HALF:
                continue
            start, end = period_dates(kind, year, number)
            if start <= date_to and date_from <= end:
                found.append((kind, year, number))
    quarters = [item for item in found if item[0] == PeriodKind.QUARTER]
    return found if len(quarters) <= most_quarters else [i for i in found if i[0] == PeriodKind.YEAR]


PUBLIC_QUARTERS_SHOWN = 4  # public notes name quarters over a year at most, else the years


def public_standing(date_from=None, date_to=None) -> dict:
    """For public readers: whether the public totals count approved periods only, and the
    periods of `date_from`…`date_to` (by default from the first activity held to today) not
    yet approved in every province, whose figures are provisional — consecutive years
    alike said as one run ("2016–2023"). Kept in the public cache until the records or the
    periods move (three queries, then none)."""
    question = {"standing": [str(date_from), str(date_to)]}
    return cache.cached_answer(question, lambda: _standing(date_from, date_to))


def _standing(date_from, date_to) -> dict:
    if date_from is None:
        date_from = Activity.objects.filter(status=Activity.Status.HELD).aggregate(first=Min("start_date"))["first"]
    date_to = date_to or timezone.localdate()
    rows = states_between(None, date_from, date_to, most_quarters=PUBLIC_QUARTERS_SHOWN) if date_from else []
    provisional = [row for row in rows if row["provisional"]]
    return {"approved_only": approved.approved_only(), "provisional": _runs(provisional)}


def _runs(rows: list[dict]) -> list[dict]:
    """Rows of the same kind and counts in consecutive years joined into one (years only:
    a quarter is named on its own)."""
    runs: list[dict] = []
    for row in rows:
        done = row["accepted"] + row["approved"]
        last = runs[-1] if runs else None
        if (
            last is not None
            and row["kind"] == last["kind"] == PeriodKind.YEAR
            and row["year"] == last["last_year"] + 1
            and done == last["done"]
        ):
            last["last_year"] = row["year"]
            last["label"] = f"{last['first_label']}–{row['year']}"
            continue
        runs.append({**row, "done": done, "first_label": row["label"], "last_year": row["year"]})
    return [{"label": run["label"], "approved_provinces": run["done"], "provinces": run["provinces"]} for run in runs]
