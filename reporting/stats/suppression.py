"""Small counts of sensitive audiences (returned victims) kept out of every public answer.

Primary rule, the same whatever the grouping or filter: a count of people is hidden when the
activities for a sensitive audience in it may add up to fewer than the threshold (the least
their public counts stand for, perturbation.py: every true count below it is hidden, and a
count of 11 or a little more may be too)
(settings.SENSITIVE_COUNT_THRESHOLD, default 11 as in the Counter Trafficking Data
Collaborative's published data). It looks at the sensitive part, not the whole count: a
commune's 103 made of 3 returned victims and 100 residents is hidden too, or the answer
for residents alone (100) would give the 3 away. The decision depends only on the records
in the cell, so a cell hidden in one answer is hidden in every answer that holds it.

Secondary rule, within one answer, for each measure:
- rows that part the records (province, commune, year, kind…): the total is the sum of the
  rows, so when exactly one positive count is hidden, the smallest other positive row is
  hidden too, or the total when there is none;
- rows that overlap (organiser, audience: one activity under several): a row holding a
  sensitive activity of a hidden row is hidden, and so is the total, so that no row minus
  another gives a hidden one.

A hidden count reads "<11" when it is below the threshold, "*" otherwise.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Exists, OuterRef, Q

from campaigns.models import Activity
from reporting.conf import sensitive_count_threshold
from reporting.stats import perturbation
from reporting.stats.perturbation import SUPPRESSED_MEASURES

# Counts of people a public target may show: the same, and distinct people on sign-in lists.
PEOPLE_MEASURES = {*SUPPRESSED_MEASURES, "unique_participants"}
# Dimensions under which one activity counts in several rows.
OVERLAPPING = {"organiser", "audience"}
HIDDEN = "*"


def threshold() -> int:
    return sensitive_count_threshold()


def sensitive_q(pk_path: str = "pk") -> Q:
    """The records of activities for a sensitive audience (`pk_path` leads to the activity)."""
    through = Activity.audiences.through.objects.filter(activity=OuterRef(pk_path), audience__is_sensitive=True)
    return Q(Exists(through))


def sensitive_records(records, keys: dict, limit: int) -> dict[tuple, dict[int, dict]]:
    """{group key: {activity id: its public counts}} for the sensitive activities among
    `records` (perturbation.public_records: the true counts ride along, never shown).

    One query; sensitive activities are few, so they are gathered here rather than summed
    in the database, where an overlapping grouping would need them one by one anyway.
    """
    counts = (perturbation.KEY, *SUPPRESSED_MEASURES)
    rows = records.filter(sensitive_q()).order_by().annotate(**keys).values(*keys, "pk", *counts)
    found: dict[tuple, dict[int, dict]] = defaultdict(dict)
    for row in rows:
        found[tuple(row[name] for name in keys)][row["pk"]] = {name: row[name] for name in counts}
    return {key: perturbation.public_records(records, limit) for key, records in found.items()}


def suppress(by: list[str], rows: list[dict], keys: list[tuple], total: dict, sensitive: dict, limit: int) -> None:
    """Hide, in place, the counts of `rows` (grouped under `keys`) and `total` that the
    rules above call for. `sensitive` is what sensitive_records() gave for these groups;
    the rows and the total hold their public figures already (perturbation.perturb_cell),
    and a count is small when the least its activities' public counts stand for is."""
    everything: dict[int, dict] = {}
    for records in sensitive.values():
        everything.update(records)
    overlapping = bool(OVERLAPPING & set(by))
    for measure in SUPPRESSED_MEASURES:
        if measure not in total:
            continue
        known = [_known(sensitive.get(key, {}), measure, limit) for key in keys]
        values = [row[measure] for row in rows]
        primary = {i for i, records in enumerate(known) if _small(records, limit)}
        total_primary = _small(_known(everything, measure, limit), limit)
        hidden, total_hidden = set(primary), total_primary
        if primary and overlapping:
            hidden |= _sharing(known, primary)
            total_hidden = True
        elif primary and not total_hidden:
            complement = _complement(values, hidden)
            if complement is None:
                total_hidden = True
            elif complement >= 0:
                hidden.add(complement)
        for i in hidden:
            rows[i][measure] = _marker(values[i], i in primary, limit)
        if total_hidden:
            total[measure] = _marker(total[measure], total_primary, limit)


def _known(records: dict[int, dict], measure: str, limit: int) -> dict[int, int]:
    """The least count each activity's public count stands for (perturbation.lowest)."""
    return {
        pk: perturbation.lowest(counts[measure], limit) for pk, counts in records.items() if counts[measure] is not None
    }


def _small(known: dict[int, int], limit: int) -> bool:
    return bool(known) and sum(known.values()) < limit


def _marker(value, primary: bool, limit: int) -> str:
    return f"<{limit}" if primary and value is not None and value < limit else HIDDEN


def _sharing(known: list[dict[int, int]], primary: set[int]) -> set[int]:
    """Overlapping rows: those that hold a sensitive activity of a primary hidden row."""
    small = set().union(*(known[i].keys() for i in primary))
    return {i for i, records in enumerate(known) if small & records.keys()}


def _complement(values: list, hidden: set[int]) -> int | None:
    """Rows that part the records: the row to hide beside them so that the total minus the
    shown rows gives no hidden count alone; -1 when none is needed, None for the total.

    A hidden zero protects nothing (the difference would still be the other hidden count).
    """
    if sum(1 for i in hidden if values[i]) >= 2:
        return -1
    shown = [i for i, value in enumerate(values) if i not in hidden and isinstance(value, int) and value > 0]
    return min(shown, key=lambda i: values[i]) if shown else None
