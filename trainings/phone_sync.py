"""What the phone keeps of the records, and what changed since it last asked.

The phone's data (`/record/api/data/`, trainings/offline.py) is the form's choices for one
account: the communes she may record in, the clubs, the campaigns and the people she ticks on
a sign-in list. Staff of provinces keep the people of their provinces; national staff, who
would otherwise carry the whole country, keep only the people of the sign-in lists of the
activities they recorded or trained in lately (`PHONE_RECENT_DAYS`); anyone else is found
with the server's search (`people_matching`).

Each answer ends with a token. Sent back as `?since=`, it gets only what changed: the people
changed since (their `updated_at`, or a sign-in list of hers that changed), the ids of those
who left (deleted, or moved to another province: `PhoneRemoval`), and a section of communes,
clubs or campaigns only when its digest differs from the token's. A token of another scope
(her provinces changed), of an unknown form or older than `PHONE_SYNC_FULL_DAYS` gets the
whole data again, and the phone replaces what it kept.

Rows changed in a transaction that committed after the token was made carry an earlier
`updated_at`: the next answer looks back `PHONE_SYNC_OVERLAP_SECONDS` before the token, and
the phone applies a row sent twice as it applies it once.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from access.models import province_ids_for
from campaigns.models import Activity
from trainings import conf
from trainings.forms import RecordActivityForm
from trainings.models import Attendance, Participant, PhoneRemoval

FORM = "1"  # the answer's shape; a token of another shape gets the whole data
PERSON_COLUMNS = ("pk", "full_name", "birth_year", "commune_id")


@dataclass(frozen=True)
class Token:
    at: datetime
    scope: str
    communes: str
    clubs: str
    campaigns: str

    def __str__(self) -> str:
        return ".".join([FORM, str(int(self.at.timestamp())), self.scope, self.communes, self.clubs, self.campaigns])

    @classmethod
    def parse(cls, text: str | None) -> Token | None:
        parts = (text or "").split(".")
        if len(parts) != 6 or parts[0] != FORM or not parts[1].isdigit():
            return None
        at = datetime.fromtimestamp(int(parts[1]), tz=UTC)
        return cls(at, *parts[2:])


def digest(value) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False, default=str).encode()).hexdigest()[:12]


def is_national(user) -> bool:
    return province_ids_for(user) is None


def scope_digest(user) -> str:
    ids = province_ids_for(user)
    return digest(["all", conf.phone_recent_days()] if ids is None else sorted(ids))


def recent_activities(user) -> QuerySet:
    """The activities she recorded or trained in within `PHONE_RECENT_DAYS`."""
    since = timezone.localdate() - timedelta(days=conf.phone_recent_days())
    return Activity.objects.for_user(user).filter(
        Q(recorded_by=user) | Q(trainer_links__trainer__user=user), start_date__gte=since
    )


def people_on_phone(user) -> QuerySet:
    """The people the phone keeps for `user`: her provinces', or, for national staff, those
    of her recent sign-in lists."""
    people = Participant.objects.for_user(user)
    if is_national(user):
        listed = Attendance.objects.filter(activity__in=recent_activities(user).values("pk")).values("participant_id")
        people = people.filter(pk__in=listed)
    return people


def people_matching(user, text: str, *, commune: int | None = None, limit: int = 20) -> list[list]:
    """Anyone `user` may see whose name holds `text`, for the phone's search (at most `limit`)."""
    people = Participant.objects.for_user(user).filter(full_name__icontains=text)
    if commune is not None:
        people = people.filter(commune_id=commune)
    return [list(row) for row in people.order_by("full_name", "pk").values_list(*PERSON_COLUMNS)[:limit]]


def sections(user) -> dict[str, list[list]]:
    form = RecordActivityForm(user=user)
    communes = form.fields["place"].queryset.values_list("pk", "short_name", "province__short_name")
    clubs = form.fields["club"].queryset.values_list("pk", "name", "place_id")
    campaigns = form.fields["campaign"].queryset.values_list("pk", "name")
    found = {"communes": communes, "clubs": clubs, "campaigns": campaigns}
    return {name: [list(row) for row in rows] for name, rows in found.items()}


def phone_data(user, since: str | None = None) -> dict:
    """The phone's data for `user` as JSON-ready rows: all of it, or what changed since the
    token `since` (module docstring). Every row is a list: commune [id, name, province], club
    [id, name, commune], campaign [id, name], person [id, name, year of birth, commune]."""
    now = timezone.now()
    found = sections(user)
    token = Token(now, scope_digest(user), *(digest(found[name]) for name in ("communes", "clubs", "campaigns")))
    previous = Token.parse(since)
    full = (
        previous is None
        or previous.scope != token.scope
        or now - previous.at > timedelta(days=conf.phone_sync_full_days())
        or previous.at > now
    )
    body: dict = {"form": int(FORM), "token": str(token), "full": full}
    for name in ("communes", "clubs", "campaigns"):
        if full or getattr(previous, name) != getattr(token, name):
            body[name] = found[name]
    people = people_on_phone(user)
    if full:
        body["people"] = _rows(people)
        return body
    after = previous.at - timedelta(seconds=conf.phone_sync_overlap_seconds())
    changed = Q(updated_at__gte=after)
    if is_national(user):
        lists = recent_activities(user).filter(updated_at__gte=after).values("pk")
        changed |= Q(pk__in=Attendance.objects.filter(activity__in=lists).values("participant_id"))
    body["people"] = _rows(people.filter(changed))
    body["removed"] = removed_since(user, after, people)
    return body


def removed_since(user, after: datetime, people: QuerySet) -> list[int]:
    """Who left her provinces' phones since `after`, except those she still keeps (moved
    back, or moved within what a national account sees)."""
    removals = PhoneRemoval.objects.filter(removed_at__gte=after).exclude(participant_id__in=people.values("pk"))
    ids = province_ids_for(user)
    if ids is not None:
        removals = removals.filter(province_id__in=ids)
    return sorted(set(removals.values_list("participant_id", flat=True)))


def _rows(people: QuerySet) -> list[list]:
    return [list(row) for row in people.order_by("full_name", "pk").values_list(*PERSON_COLUMNS)]


def note_removal(sender, instance: Participant, **kwargs) -> None:
    """A deleted person leaves the phones of her province (connected in TrainingsConfig.ready)."""
    PhoneRemoval.objects.create(participant_id=instance.pk, province_id=instance.province_id)
