"""The reporting app's settings, each read with its default: a site sets only what it changes.

- `SENSITIVE_COUNT_THRESHOLD` (11): public totals hide a count of people that involves a
  sensitive audience (returned victims) when those activities add up to fewer people than
  this (README, *Totals, reports and the API*). 11 is the threshold the Counter Trafficking
  Data Collaborative applies to published trafficking data.
- `REPORTING_PERIOD_FIRST_DAY` (1): the day of the month reporting periods start on
  (README, *The reporting cycle*).
- `PUBLIC_TOTALS_CACHE_SECONDS` (600): how long an anonymous answer of `totals` stays in the
  cache (reporting/stats/cache.py); every write moves the data version, so a kept answer is
  never older than the data in one process; 0 turns the cache off.
- `REPORTING_PUBLIC_APPROVED_ONLY` (False): public totals count only the records of approved
  or accepted reporting periods (README, *The reporting cycle*); staff outputs count all.
- The "reports" storage (`STORAGES`): where uploaded report templates are kept, a private
  storage nothing serves; without one, a folder, `REPORTS_ROOT` (`BASE_DIR`/var/reports).
"""

from pathlib import Path

from django.core.files.storage import FileSystemStorage, Storage, storages

from core.conf import setting

STORAGE_ALIAS = "reports"


def reports_root() -> Path:
    """The folder of the fallback storage, when the project names no "reports" storage."""
    base = Path(setting("BASE_DIR", Path.cwd()))
    return Path(setting("REPORTS_ROOT", base / "var" / "reports"))


def storage() -> Storage:
    """The private storage of report templates."""
    if STORAGE_ALIAS in (setting("STORAGES", None) or {}):
        return storages[STORAGE_ALIAS]
    return FileSystemStorage(location=reports_root())


DEFAULT_SENSITIVE_COUNT_THRESHOLD = 11
DEFAULT_PUBLIC_TOTALS_CACHE_SECONDS = 600


def sensitive_count_threshold() -> int:
    """The smallest count of people of a sensitive audience that public totals show."""
    return setting("SENSITIVE_COUNT_THRESHOLD", DEFAULT_SENSITIVE_COUNT_THRESHOLD)


DEFAULT_PERIOD_FIRST_DAY = 1


def period_first_day() -> int:
    """`REPORTING_PERIOD_FIRST_DAY` (1): the day of the month a reporting period starts on.
    15 makes the first quarter of a year run from 15 December of the year before to 14 March."""
    day = setting("REPORTING_PERIOD_FIRST_DAY", DEFAULT_PERIOD_FIRST_DAY)
    if not 1 <= int(day) <= 28:
        raise ValueError("REPORTING_PERIOD_FIRST_DAY must be a day from 1 to 28")
    return int(day)


def public_totals_cache_seconds() -> int:
    """Seconds an anonymous answer of totals stays in the cache (0: not kept)."""
    return setting("PUBLIC_TOTALS_CACHE_SECONDS", DEFAULT_PUBLIC_TOTALS_CACHE_SECONDS)


DEFAULT_PUBLIC_APPROVED_ONLY = False


def public_approved_only() -> bool:
    """Whether public totals count only the records of approved or accepted periods."""
    return bool(setting("REPORTING_PUBLIC_APPROVED_ONLY", DEFAULT_PUBLIC_APPROVED_ONLY))
