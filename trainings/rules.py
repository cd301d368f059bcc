"""The write rule trainings adds to every write of an activity (campaigns.rules)."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.models import Activity
from campaigns.rules import Action, ActivityWrite, WriteRule
from campaigns.services import set_counts
from core.text import grouped
from trainings.models import KINH, Attendance, Participant

COUNT_FIELDS = ("participants", "female", "ethnic_minority")


def sign_in_counts(activity_ids: Sequence[int]) -> dict[int, tuple[int, int, int]]:
    """(present, female, ethnic minority) of each of these activities that has a sign-in
    list, in one grouped query; an activity without lines is not in the answer."""
    rows = (
        Attendance.objects.filter(activity_id__in=activity_ids)
        .values("activity_id")
        .annotate(
            came=Count("id", filter=Q(present=True)),
            women=Count("id", filter=Q(present=True, participant__gender=Participant.Gender.FEMALE)),
            minority=Count(
                "id",
                filter=Q(present=True) & ~Q(participant__ethnicity="") & ~Q(participant__ethnicity__iexact=KINH),
            ),
        )
        .order_by()
    )
    return {row["activity_id"]: (row["came"], row["women"], row["minority"]) for row in rows}


class SignInCounts(WriteRule):
    """Where an activity has a sign-in list, its participant, female and ethnic-minority
    counts are the list's, whatever was typed or imported: recounted after every write
    with one grouped query, and stored with one update, whatever the lists' length."""

    name = "trainings.sign_in_counts"

    def check(self, writes: Sequence[ActivityWrite], *, user) -> None:
        # Counts typed or imported over a list that this write leaves as it is: said before
        # the write (an import's check shows it), so that nobody thinks they were stored.
        edits = [w for w in writes if w.action == Action.EDIT and not w.lines_changed]
        counts = sign_in_counts([write.activity.pk for write in edits]) if edits else {}
        for write in edits:
            listed = counts.get(write.activity.pk)
            if listed is not None and listed != self.typed(write.activity):
                write.note(self.message(listed), field="participants")

    def written(self, writes: Sequence[ActivityWrite], *, user) -> None:
        kept = [write for write in writes if write.action != Action.DELETE]
        counts = sign_in_counts([write.activity.pk for write in kept]) if kept else {}
        changed = []
        for write in kept:
            activity = write.activity
            listed = counts.get(activity.pk)
            if listed is None or listed == self.typed(activity):
                continue
            for name, value in zip(COUNT_FIELDS, listed, strict=True):
                setattr(activity, name, value)
            changed.append(activity)
        set_counts(changed, COUNT_FIELDS)

    @staticmethod
    def typed(activity) -> tuple:
        return tuple(getattr(activity, name) for name in COUNT_FIELDS)

    @staticmethod
    def message(listed: tuple[int, int, int]) -> str:
        present, women, minority = (grouped(value) for value in listed)
        return _(
            "This activity has a sign-in list: its counts are the list's (%(present)s present, "
            "%(women)s women, %(minority)s ethnic minority), not the numbers given. Change the list to change them."
        ) % {"present": present, "women": women, "minority": minority}


class ListsChanged(WriteRule):
    """A sign-in list changed alone (an import of lines): its activity's `updated_at` moves as
    any other change moves it, so that the phones of its trainers get the list's people
    (trainings/phone_sync.py). One update, which leaves the version where the write put it."""

    name = "trainings.lists_changed"

    def written(self, writes: Sequence[ActivityWrite], *, user) -> None:
        ids = [write.activity.pk for write in writes if write.action == Action.LINES]
        if ids:
            Activity._base_manager.filter(pk__in=ids).update(updated_at=timezone.now())
