"""Record-key perturbation of public counts of people that hold sensitive records.

In the manner of the cell-key method of the Australian Bureau of Statistics' TableBuilder,
with the key and the move held by each record rather than by each cell. Every activity
carries a fixed random key (Activity.cell_key). In public, an activity for a sensitive
audience (returned victims) that counted fewer people than the threshold (11) counts as its
*public count*: its count moved by at most settings.PUBLIC_PERTURBATION_BOUND (1 by default)
either way, by a move read from its key, never below bound + 1 (so 1 person reads 2). An
activity that counted the threshold or more is exact: it cannot be part of a hidden count.
Every public figure is made of public counts alone:

- a cell's count of people is the exact count of its other activities plus the public
  counts of its sensitive ones; the small-count rule (suppression.py) decides from the
  smallest count each public count can stand for (`lowest`), so a count below the
  threshold is always hidden, and the markers and complements are read from public figures;
- so every public answer, under any grouping and filter, is a function of the public
  counts (and of exact non-sensitive counts and of which activities exist). Any activity of
  a hidden count could have counted one person more or fewer with the same public count
  (each public count stands for at least two true ones), and then every answer would read
  the same: no combination of answers, however many, gives a hidden count exactly;
- the same activity reads the same in every cell, so differences of different cells that
  share the same hidden activities all give the same number (the sum of their public
  counts): averaging them converges on that sum, within the bound of each activity, never
  on the count;
- a zero stays zero and a positive count never reads zero; female and ethnic minority move
  with the same key as the count of people, so they never exceed it.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache

from django.conf import settings
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import Greatest

# Counts of people in public totals (unique_participants is never a public total).
SUPPRESSED_MEASURES = ("participants", "female", "ethnic_minority")
KEY = "cell_key"


def bound() -> int:
    """The most one activity's public count differs from its count (0: no perturbation)."""
    return settings.PUBLIC_PERTURBATION_BOUND


@lru_cache(maxsize=8)
def _offset(secret: str, width: int) -> int:
    digest = hmac.new(secret.encode(), b"record-key", hashlib.sha256).digest()
    return int.from_bytes(digest[:8], "big") % width


def offset() -> int:
    """A secret shift of every key's move: changing the secret changes every move."""
    return _offset(settings.PUBLIC_PERTURBATION_SECRET or settings.SECRET_KEY, 2 * bound() + 1)


def move(cell_key: int) -> int:
    """The fixed move of the activity whose key is `cell_key`, from -bound to +bound."""
    limit = bound()
    return (cell_key + offset()) % (2 * limit + 1) - limit


def public_count(count, cell_key: int, threshold: int):
    """The count a sensitive activity shows in public (None and 0 unchanged)."""
    if not isinstance(count, int) or count <= 0 or count >= threshold or not bound():
        return count
    return max(bound() + 1, count + move(cell_key))


def lowest(public, threshold: int):
    """The smallest count of a sensitive activity whose public count is `public`."""
    limit = bound()
    if not isinstance(public, int) or public <= 0 or public > threshold - 1 + limit:
        return public
    return max(1, public - limit)


def public_records(records: dict[int, dict], threshold: int) -> dict[int, dict]:
    """{activity: counts} (with its `cell_key`) made into {activity: public counts}, with the
    true counts kept under "exact_<measure>" (for the cell's move, never shown)."""
    found = {}
    for pk, counts in records.items():
        public = {f"exact_{m}": counts[m] for m in SUPPRESSED_MEASURES}
        public.update({m: public_count(counts[m], counts[KEY], threshold) for m in SUPPRESSED_MEASURES})
        found[pk] = public
    return found


def perturb_cell(cell: dict, records: dict[int, dict]) -> None:
    """Count, in place, the sensitive activities of a public cell (`records`: what
    public_records() gave for them) at their public counts."""
    for measure in SUPPRESSED_MEASURES:
        if isinstance(cell.get(measure), int):
            cell[measure] += sum(
                counts[measure] - counts[f"exact_{measure}"]
                for counts in records.values()
                if counts[measure] is not None
            )


def public_expression(path: str, key_path: str, threshold: int):
    """public_count() in SQL, for one activity reached by `path` (its count) and `key_path`."""
    limit = bound()
    if not limit:
        return F(path)
    moved = (F(key_path) + Value(offset())) % Value(2 * limit + 1) + F(path) - Value(limit)
    small = Q(**{f"{path}__gte": 1, f"{path}__lt": threshold})
    return Case(When(small, then=Greatest(Value(limit + 1), moved)), default=F(path), output_field=IntegerField())


def lowest_expression(path: str, key_path: str, threshold: int):
    """lowest(public_count()) in SQL: the smallest count the activity's public count stands for."""
    limit = bound()
    public = public_expression(path, key_path, threshold)
    if not limit:
        return public
    ambiguous = Q(**{f"{path}__gte": 1, f"{path}__lt": threshold + limit})
    return Case(
        When(ambiguous, then=Greatest(Value(1), public - Value(limit))), default=F(path), output_field=IntegerField()
    )
