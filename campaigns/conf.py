"""The campaigns app's settings, each read with its default: a site sets only what it changes.

- `CAMPAIGNS_COUNT_LIMITS`: the largest count a record may carry, per field. Above it the
  count is a typing slip (an extra zero), refused by the model's `clean()`, so the admin, the
  phone, the imports and the API refuse it alike, on SQLite as on PostgreSQL (whose integer
  column would otherwise refuse past 2,147,483,647 and SQLite store up to 2^63).
- `CAMPAIGNS_USUAL_PARTICIPANTS_PER_SESSION`: participants per session above which a count is
  unusual for its kind of activity: forms ask to confirm it, the import's check names it.
- `CAMPAIGNS_FUTURE_DAYS`: how many days after today an activity that was held may be dated
  (default 2: a phone's clock or a time zone a day off). Later is a typing slip ("32019"),
  refused by the model's `clean()` like the counts; a *planned* activity may be any later.
- `CAMPAIGNS_EARLIEST_YEAR`: the first year an activity may be dated (default 2000: the
  campaigns began after it, so an earlier year is a slip too).
"""

import datetime

from django.conf import settings
from django.utils import timezone

# A province-wide report line may be a batch of thousands of sessions (9,158 residents'
# meetings in a year) with hundreds of thousands of participants: the limits leave room.
DEFAULT_COUNT_LIMITS: dict[str, int] = {
    "sessions": 100_000,
    "participants": 10_000_000,
    "female": 10_000_000,
    "ethnic_minority": 10_000_000,
    "member_count": 100_000,
    "printed": 10_000_000,
    "distributed": 10_000_000,
}
DEFAULT_USUAL_PARTICIPANTS_PER_SESSION: dict[str, int] = {
    "default": 500,
    "fair": 5_000,
    "contest": 2_000,
}


def count_limit(field: str) -> int | None:
    """The largest plausible value of the count `field`, or None when it has no limit."""
    return {**DEFAULT_COUNT_LIMITS, **getattr(settings, "CAMPAIGNS_COUNT_LIMITS", {})}.get(field)


def usual_participants_per_session(kind: str) -> int:
    """Participants per session above which an activity of `kind` is unusual."""
    overrides = getattr(settings, "CAMPAIGNS_USUAL_PARTICIPANTS_PER_SESSION", {})
    usual = {**DEFAULT_USUAL_PARTICIPANTS_PER_SESSION, **overrides}
    return usual.get(kind, usual["default"])


DEFAULT_FUTURE_DAYS = 2
DEFAULT_EARLIEST_YEAR = 2000


def future_days() -> int:
    """How many days after today a held activity may be dated."""
    return getattr(settings, "CAMPAIGNS_FUTURE_DAYS", DEFAULT_FUTURE_DAYS)


def latest_held_date() -> datetime.date:
    """The last day a held activity may be dated: today and a small margin."""
    return timezone.localdate() + datetime.timedelta(days=future_days())


def earliest_date() -> datetime.date:
    """The first day an activity may be dated."""
    return datetime.date(getattr(settings, "CAMPAIGNS_EARLIEST_YEAR", DEFAULT_EARLIEST_YEAR), 1, 1)
