from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityKind(models.TextChoices):
    """The kinds of work the provincial reports describe (DESIGN.md, glossary)."""

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


def validate_part_of_whole(errors: dict, whole: int | None, parts: dict[str, int | None], message) -> None:
    """Each breakdown count (female, ethnic minority…) is at most the total it is part of."""
    if whole is None:
        return
    for field, part in parts.items():
        if part is not None and part > whole:
            errors.setdefault(field, []).append(message)
