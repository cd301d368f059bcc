"""Changes to a club's member list: who joins and who leaves, dated today.

A member who leaves is kept with the day they left (their row is deleted only when they
joined the same day), so that the club's members on the last day of a period past stay what
they were (reporting counts `ClubMember.objects.on(day)`). Each change is a write the
records' rules check (`campaigns.rules.check_record_writes`), as the club's own writes are:
a change dated inside an approved reporting period is refused.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone

from campaigns.rules import Action, RecordWrite, check_record_writes
from trainings.models import ClubMember


def changes(club, joining: Iterable[int], leaving: Iterable[int]) -> list[ClubMember]:
    """The member rows of today's changes (not saved): each joining participant's new row,
    each leaving participant's row as it will be once they left."""
    today = timezone.localdate()
    rows = [ClubMember(club=club, participant_id=pk, joined_on=today) for pk in sorted(joining)]
    rows += [ClubMember(club=club, participant_id=pk, left_on=today) for pk in sorted(leaving)]
    return rows


def check(club, joining: Iterable[int] = (), leaving: Iterable[int] = (), *, user=None) -> None:
    """The rules' check of today's changes to `club`'s members; raises WriteRefused."""
    rows = changes(club, joining, leaving)
    if rows:
        check_record_writes([RecordWrite(row, Action.CREATE) for row in rows], user=user)


def apply(club, joining: Iterable[int] = (), leaving: Iterable[int] = ()) -> None:
    """Store today's changes: new rows for those joining (one insert), the day they left for
    those leaving (one update; a row made today is deleted instead)."""
    today = timezone.localdate()
    leaving = set(leaving)
    current = ClubMember.objects.current().filter(club=club, participant_id__in=leaving)
    if leaving:
        current.filter(joined_on=today).delete()
        current.update(left_on=today)
    ClubMember.objects.bulk_create(
        [ClubMember(club=club, participant_id=pk, joined_on=today) for pk in sorted(set(joining))], batch_size=1000
    )
