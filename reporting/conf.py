"""The reporting app's settings, each read with its default: a site sets only what it changes.

- `SENSITIVE_COUNT_THRESHOLD` (11): public totals hide a count of people that involves a
  sensitive audience (returned victims) when those activities add up to fewer people than
  this (README, *Totals, reports and the API*). 11 is the threshold the Counter Trafficking
  Data Collaborative applies to published trafficking data.
- `PUBLIC_TOTALS_CACHE_SECONDS` (600): how long an anonymous answer of `totals` stays in the
  cache (reporting/stats/cache.py); every write moves the data version, so a kept answer is
  never older than the data in one process; 0 turns the cache off.
"""

from core.conf import setting

DEFAULT_SENSITIVE_COUNT_THRESHOLD = 11
DEFAULT_PUBLIC_TOTALS_CACHE_SECONDS = 600


def sensitive_count_threshold() -> int:
    """The smallest count of people of a sensitive audience that public totals show."""
    return setting("SENSITIVE_COUNT_THRESHOLD", DEFAULT_SENSITIVE_COUNT_THRESHOLD)


def public_totals_cache_seconds() -> int:
    """Seconds an anonymous answer of totals stays in the cache (0: not kept)."""
    return setting("PUBLIC_TOTALS_CACHE_SECONDS", DEFAULT_PUBLIC_TOTALS_CACHE_SECONDS)
