"""The lock of approved periods, a write rule over every write of the records (campaigns.rules).

A write is refused when the record, as it was stored or as it would be stored, has a day
inside an approved or accepted period of its province: an activity or a distribution by its
date range (a batch that crosses into a locked period is locked), a club by the day it was
founded, a change of a club's members by its day, a target by its dates (or its campaign's).
Records of old provinces count under the current province that took them over, as the
totals do. A national target (no province) is in no province's period.

Each check reads the stored state of the records it changes and the locked periods that
could touch them, two queries whatever the number of records (three when a period is
locked: the provinces' successors).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from campaigns.models import Activity, Club, MaterialDistribution, Target
from campaigns.rules import Action, ActivityWrite, RecordWrite, WriteRule
from places.models import Place
from reporting.models import PeriodState, ReportingPeriod
from trainings.models import ClubMember


@dataclass(frozen=True)
class Span:
    """The days of one record in one province: what a period must not share."""

    province_id: int | None
    start: datetime.date | None
    end: datetime.date | None

    @property
    def dated(self) -> bool:
        return self.province_id is not None and self.start is not None


def span_of(record, *, stored: bool = False) -> Span:
    """The province and days a record counts in: as it is in memory, or (`stored`) as read
    from the database, where its province is already the one derived from its place."""
    if isinstance(record, Activity | MaterialDistribution | Club):
        province = record.province_id if stored or isinstance(record, Activity) else _province_id(record)
    if isinstance(record, Activity | MaterialDistribution):
        return Span(province, record.start_date, record.end_date or record.start_date)
    if isinstance(record, Club):
        return Span(province, record.founded_on, record.founded_on)
    if isinstance(record, ClubMember):
        # Joining or leaving changes the club's members from that day on: the day of the
        # change is what a period must not hold (the row as stored changes no day before).
        if stored:
            return Span(None, None, None)
        day = record.left_on or record.joined_on
        return Span(_province_id(record.club), day, day)
    if isinstance(record, Target):
        campaign = record.campaign if record.campaign_id else None
        start = record.start_date or (campaign.start_date if campaign else None)
        end = record.end_date or (campaign.end_date if campaign else None) or start
        return Span(record.province_id, start, end)
    raise TypeError(f"No reporting period applies to {type(record).__name__}")


def _province_id(record) -> int | None:
    # A club's or a distribution's province is derived from its place when it is saved: in
    # a form's `clean()` the record has only the place yet. (The write service derives an
    # activity's before its rules run.)
    return record.place.province_id if record.place_id else record.province_id


def stored_spans(model, ids: Iterable[int]) -> dict[int, Span]:
    """The spans of records as the database holds them (what an edit or a delete changes)."""
    ids = [pk for pk in ids if pk is not None]
    if not ids:
        return {}
    queryset = model._base_manager.filter(pk__in=ids)
    if model is Target:
        queryset = queryset.select_related("campaign")
    return {record.pk: span_of(record, stored=True) for record in queryset}


class Locks:
    """The locked periods that could touch the given spans (one query) and, only when there
    are some, the current province of each span's province (one more)."""

    def __init__(self, spans: Iterable[Span]):
        spans = [span for span in spans if span.dated]
        self.periods: list[ReportingPeriod] = []
        self.current: dict[int, int] = {}
        if not spans:
            return
        start = min(span.start for span in spans)
        end = max(span.end or span.start for span in spans)
        provinces = {span.province_id for span in spans}
        # Periods of these provinces, or of the current provinces that took them over.
        mine = Q(province_id__in=provinces) | Q(province__predecessors__in=provinces)
        self.periods = list(
            ReportingPeriod.objects.locked()
            .overlapping(start, end)
            .filter(mine)
            .distinct()
            .select_related("province", "approved_by", "accepted_by")
            .order_by("start_date", "-end_date")
        )
        if self.periods:
            self.current = _current_provinces({span.province_id for span in spans})

    def hit(self, span: Span) -> ReportingPeriod | None:
        """The first locked period `span` shares a day with, or None."""
        if not span.dated or not self.periods:
            return None
        province = self.current.get(span.province_id)
        end = span.end or span.start
        for period in self.periods:
            if period.province_id == province and period.start_date <= end and span.start <= period.end_date:
                return period
        return None


def _current_provinces(ids: set[int]) -> dict[int, int]:
    """Each province id → the current province that holds its records today."""
    if not ids:
        return {}
    rows = Place.objects.filter(pk__in=ids).values_list("pk", "successor_id")
    return {pk: successor or pk for pk, successor in rows}


def refusal(period: ReportingPeriod) -> str:
    """What a person is told when a locked period refuses their write."""
    if period.state == PeriodState.ACCEPTED:
        who, when = period.accepted_by, period.accepted_at
    else:
        who, when = period.approved_by, period.approved_at
    return _(
        "%(period)s of %(province)s is %(state)s (by %(who)s on %(day)s): records inside it cannot be added, "
        "changed or deleted. To correct it, ask for the period to be reopened (Reports › Reporting periods)."
    ) % {
        "period": period.label(),
        "province": period.province.name,
        "state": period.get_state_display(),
        "who": _person(who),
        "day": formats.date_format(timezone.localtime(when), "d/m/Y") if when else "—",
    }


def _person(user) -> str:
    if user is None:
        return _("an administrator")
    return user.get_full_name() or user.get_username()


def refuse_locked(writes: Sequence[RecordWrite], model, field: str) -> None:
    """Refuse each write whose record, before or after it, lies in a locked period."""
    stored = stored_spans(model, [w.record.pk for w in writes if w.action != Action.CREATE])
    after = {id(w): span_of(w.record) for w in writes if w.action not in (Action.DELETE, Action.LINES)}
    before = {id(w): stored.get(w.record.pk) for w in writes if w.action != Action.CREATE}
    locks = Locks([*after.values(), *(span for span in before.values() if span)])
    if not locks.periods:
        return
    for write in writes:
        for span in (before.get(id(write)), after.get(id(write))):
            period = locks.hit(span) if span else None
            if period is not None:
                write.refuse(refusal(period), field=field)
                break


class LockedPeriods(WriteRule):
    """Approved and accepted periods refuse every write inside them, on every path."""

    name = "reporting.locked_periods"

    def check(self, writes: Sequence[ActivityWrite], *, user) -> None:
        refuse_locked(writes, Activity, "start_date")

    def check_records(self, writes: Sequence[RecordWrite], *, user) -> None:
        by_model: dict[type, list[RecordWrite]] = {}
        for write in writes:
            by_model.setdefault(type(write.record), []).append(write)
        for model, group in by_model.items():
            refuse_locked(group, model, FIELDS.get(model, "start_date"))


FIELDS = {Club: "founded_on", ClubMember: "members", MaterialDistribution: "start_date", Target: "start_date"}
