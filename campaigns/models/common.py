from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from campaigns.conf import count_limit, earliest_date, latest_held_date
from core.text import grouped


class ActivityKind(models.TextChoices):
    """The kinds of work the provincial reports describe (README, *Recording the work*)."""

    TRAINING = "training", _("training class")
    COMMUNITY = "community", _("community session")
    CLUB_MEETING = "club_meeting", _("club meeting")
    FAIR = "fair", _("communication fair")
    CONTEST = "contest", _("contest")
    RESIDENTS_MEETING = "residents_meeting", _("residents' meeting")
    INSPECTION = "inspection", _("inspection")
    OTHER = "other", _("other")


def validate_period(start, end) -> None:
    if start and end and end < start:
        raise ValidationError({"end_date": _("The end date is before the start date.")})


# How to write a date, said with every refusal of one (the same words as the form fields').
HOW_TO_WRITE_A_DATE = _("Write it day first, as dd/mm/yyyy: 16/03/2019.")
EARLY_DATE = _("%(date)s is before %(year)s: check the year. %(how)s")
FUTURE_DATE = _("%(date)s is in the future: record an activity once it is held. %(how)s")


def validate_plausible_dates(errors: dict, dates: dict, *, planned: bool) -> None:
    """Dates an activity may have: not before the campaigns began, and, once held, not
    after today and a small margin (campaigns.conf). "32019" or "2091" is a slip that would
    file a class in the wrong year without a word; every way of recording refuses it."""
    earliest, latest = earliest_date(), latest_held_date()
    for field, day in dates.items():
        if day is None:
            continue
        shown = day.strftime("%d/%m/%Y")
        if day < earliest:
            message = EARLY_DATE
            params = {"date": shown, "year": earliest.year, "how": HOW_TO_WRITE_A_DATE}
        elif day > latest and not planned:
            message = FUTURE_DATE
            params = {"date": shown, "how": HOW_TO_WRITE_A_DATE}
        else:
            continue
        errors.setdefault(field, []).append(ValidationError(message, code="implausible_date", params=params))


def validate_part_of_whole(errors: dict, whole: int | None, parts: dict[str, int | None], message) -> None:
    """Each breakdown count (female, ethnic minority…) is at most the total it is part of."""
    if whole is None:
        return
    for field, part in parts.items():
        if part is not None and part > whole:
            errors.setdefault(field, []).append(message)


def over_limit(field: str, value) -> int | None:
    """The limit `value` of the count `field` is above, or None when it is within it."""
    limit = count_limit(field)
    return limit if isinstance(value, int) and limit is not None and value > limit else None


def validate_count_limits(errors: dict, counts: dict[str, int | None]) -> None:
    """Each count at most its plausible limit (campaigns.conf): more is a slip, refused alike
    by every way of recording and on every database."""
    for field, value in counts.items():
        limit = over_limit(field, value)
        if limit is not None:
            errors.setdefault(field, []).append(
                _("%(value)s is more than any plausible count (at most %(limit)s): check for an extra zero.")
                % {"value": grouped(value), "limit": grouped(limit)}
            )


class PlausibleCounts:
    """A model whose `count_fields` are refused above their limits by its `clean()`.

    A count past the limit is left out of the field checks: PostgreSQL's integer column adds
    its own range check (2,147,483,647) there and SQLite's none, so the same file would get
    two messages on one database and one on the other; the limit's message is the only one."""

    count_fields: tuple[str, ...] = ()

    def clean_fields(self, exclude=None) -> None:
        over = {field for field in self.count_fields if over_limit(field, getattr(self, field)) is not None}
        super().clean_fields(exclude={*(exclude or ()), *over})

    def count_limit_errors(self, errors: dict) -> None:
        validate_count_limits(errors, {field: getattr(self, field) for field in self.count_fields})
