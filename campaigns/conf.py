"""The campaigns app's settings, each read with its default: a site sets only what it changes.

- `CAMPAIGNS_COUNT_LIMITS`: the largest count a record may carry, per field. Above it the
  count is a typing slip (an extra zero), refused by the model's `clean()`, so the admin, the
  phone, the imports and the API refuse it alike, on SQLite as on PostgreSQL (whose integer
  column would otherwise refuse past 2,147,483,647 and SQLite store up to 2^63).
- `CAMPAIGNS_USUAL_PARTICIPANTS_PER_SESSION`: participants per session above which a count is
  unusual for its kind of activity: forms ask to confirm it, the import's check names it.
"""

from django.conf import settings

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
