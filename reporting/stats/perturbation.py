"""Cell-key perturbation of public counts of people that hold sensitive records.

In the manner of the Australian Bureau of Statistics' TableBuilder: every activity carries a
fixed random key (Activity.cell_key). A public cell's count of people is the exact count of
its other records plus the count of its sensitive records (returned victims) moved by a
small amount, at most settings.PUBLIC_PERTURBATION_BOUND either way. The move is read from
a table seeded by a secret, at the sum of the keys of the cell's sensitive records (summed
in the same grouped query as the counts). So:

- the same sensitive records always get the same move, in every answer, every grouping,
  every filter and every total: asking again, or averaging many differences that share the
  same hidden records, gives back the same moved number, never the count;
- two cells that differ by a few hidden records differ by their count plus the difference
  of two unknown moves: differencing gives a range, not a number;
- a cell without sensitive records is exact, so public counts of other audiences read as
  recorded; subtracting them from a cell leaves the moved sensitive part, nothing more;
- zero stays zero and a positive count never becomes zero.

The small-count rule (suppression.py) comes on top: a sensitive part below the threshold is
never shown at all.
"""

from __future__ import annotations

import hashlib
import hmac
import random
from functools import lru_cache

from django.conf import settings
from django.db.models import Sum

from reporting.stats.suppression import SUPPRESSED_MEASURES, sensitive_q

TABLE_SIZE = 4096
KEY_SUM = "s_key"


def bound() -> int:
    return settings.PUBLIC_PERTURBATION_BOUND


def sensitive_name(measure: str) -> str:
    return f"s_{measure}"


def sensitive_aggregates(pk_path: str = "pk") -> dict:
    """The sensitive part of each count of people and the sum of its records' keys, to add to
    a grouped query of activities (`pk_path` leads from the rows to the activity)."""
    prefix = pk_path.removesuffix("pk")
    sensitive = sensitive_q(pk_path)
    aggregates = {sensitive_name(m): Sum(f"{prefix}{m}", filter=sensitive) for m in SUPPRESSED_MEASURES}
    aggregates[KEY_SUM] = Sum(f"{prefix}cell_key", filter=sensitive)
    return aggregates


@lru_cache(maxsize=32)
def _table(secret: str, measure: str, limit: int) -> tuple[int, ...]:
    seed = hmac.new(secret.encode(), f"cell-key:{measure}".encode(), hashlib.sha256).digest()
    rng = random.Random(seed)
    moves = list(range(-limit, limit + 1))
    # Small moves more often than large ones, as in the statistical agencies' tables.
    weights = [limit + 1 - abs(move) for move in moves]
    return tuple(rng.choices(moves, weights, k=TABLE_SIZE))


def move(key_sum: int, measure: str) -> int:
    """The fixed move of a cell whose sensitive records' keys add up to `key_sum`."""
    secret = settings.PUBLIC_PERTURBATION_SECRET or settings.SECRET_KEY
    return _table(secret, measure, bound())[key_sum % TABLE_SIZE]


def perturbed(value, sensitive_part, key_sum, measure: str):
    """`value` with its sensitive part moved; unchanged where that part is unknown or zero."""
    if not isinstance(value, int) or not sensitive_part or key_sum is None or not bound():
        return value
    return value - sensitive_part + max(1, sensitive_part + move(key_sum, measure))


def perturb_cell(cell: dict, sensitive: dict) -> None:
    """Move, in place, the counts of people of a public cell (`sensitive`: what
    sensitive_aggregates() gave for it). Hidden markers ("<11", "*") stay as they are."""
    for measure in SUPPRESSED_MEASURES:
        if measure in cell:
            cell[measure] = perturbed(
                cell[measure], sensitive.get(sensitive_name(measure)), sensitive.get(KEY_SUM), measure
            )
