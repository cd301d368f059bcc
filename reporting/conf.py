"""The reporting app's settings, each read with its default: a site sets only what it changes.

- `SENSITIVE_COUNT_THRESHOLD` (11): public totals hide a count of people that involves a
  sensitive audience (returned victims) when those activities add up to fewer people than
  this (README, *Totals, reports and the API*). 11 is the threshold the Counter Trafficking
  Data Collaborative applies to published trafficking data.
"""

from core.conf import setting

DEFAULT_SENSITIVE_COUNT_THRESHOLD = 11


def sensitive_count_threshold() -> int:
    """The smallest count of people of a sensitive audience that public totals show."""
    return setting("SENSITIVE_COUNT_THRESHOLD", DEFAULT_SENSITIVE_COUNT_THRESHOLD)
