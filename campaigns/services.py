"""The one way activities and their lines (sign-in lists) are written.

Every writer calls these functions: the admin forms and deletes, the phone form and its
offline queue, the imports of activities and of sign-in lines, and bulk changes. Each
function, in one transaction:

- derives the province and district an activity groups by from its place, and gives a new
  activity its client UUID;
- runs every registered write rule (`campaigns.rules`) before writing — a refusal stores
  nothing — and after writing (an app's own consequences, such as recounting an activity
  from its sign-in list);
- moves each record's version once (a single save claims it with one conditional UPDATE,
  see `campaigns.models.versioning`);
- writes the audit-log entries (counts only, never names).

The number of queries does not depend on how many lines an activity has: lines are
written in bulk, and rules read what they need in one query for all the records.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterable, Sequence

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from campaigns.models import Activity
from campaigns.rules import Action, ActivityWrite, WriteRefused, run_checks, run_written
from places.models import Place

LOG_ACTIONS = {Action.CREATE: "wagtail.create", Action.EDIT: "wagtail.edit", Action.DELETE: "wagtail.delete"}


@transaction.atomic
def save_activity(
    activity: Activity,
    *,
    user,
    lines: Iterable[models.Model] | None = None,
    save_related: Callable[[], None] | None = None,
) -> ActivityWrite:
    """Create or change one activity, with its lines.

    `lines`, when given, replace the activity's lines of their kind (the phone form's
    sign-in list); otherwise the lines held in the activity's cluster (what an admin form
    with inline panels put there) are written. `save_related` writes what the caller must
    write once the activity is stored (a form's plain many-to-many fields). A stale
    version raises EditConflict; a rule's refusal raises WriteRefused; either way nothing
    is written. Returns the write, whose `notes` are worth showing to the person.
    """
    adding = activity._state.adding or activity.pk is None
    if lines is not None:
        _put_lines(activity, list(lines))
    children = _take_children(activity)
    write = ActivityWrite(activity, Action.CREATE if adding else Action.EDIT, lines_changed=bool(children))
    _prepare([activity])
    run_checks([write], user=user)
    activity.save()  # an edit claims the version it was read at, or raises EditConflict
    if save_related is not None:
        save_related()
    for name, items in children.items():
        _commit_lines(activity, name, items)
    run_written([write], user=user)
    log(activity, LOG_ACTIONS[write.action], user=user, content_changed=True)
    return write


@transaction.atomic
def write_activities(
    created: Sequence[Activity],
    updated: Sequence[Activity],
    *,
    user,
    fields: Sequence[str],
    log_data: dict | None = None,
    batch_size: int = 1000,
    before_rules: Callable[[], None] | None = None,
) -> list[ActivityWrite]:
    """Create and change many activities at once (imports, bulk changes): one bulk insert,
    one bulk update of `fields` (which moves each version once), the rules over all of them,
    and one audit entry per record (`log_data` added to each, e.g. the import as source).

    `before_rules` writes what belongs to the records before the rules' after-write step
    (an import's many-to-many links). Raises WriteRefused, writing nothing, when a rule
    refuses any of them."""
    writes = [ActivityWrite(a, Action.CREATE) for a in created] + [ActivityWrite(a, Action.EDIT) for a in updated]
    if not writes:
        return writes
    _prepare([write.activity for write in writes])
    run_checks(writes, user=user)
    if created:
        Activity.objects.bulk_create(created, batch_size=batch_size)
    if updated:
        now = timezone.now()
        for activity in updated:
            activity.updated_at = now
        columns = list(dict.fromkeys([*fields, "province", "district", "updated_at"]))
        Activity.objects.bulk_update(updated, columns, batch_size=batch_size)
    if before_rules is not None:
        before_rules()
    run_written(writes, user=user)
    _log_many(writes, user, log_data or {})
    return writes


def check_activities(created: Sequence[Activity], updated: Sequence[Activity], *, user) -> list[ActivityWrite]:
    """What the rules say of these writes, without writing anything (an import's check of
    its rows): every write, each with its refusals and notes."""
    writes = [ActivityWrite(a, Action.CREATE) for a in created] + [ActivityWrite(a, Action.EDIT) for a in updated]
    _prepare([write.activity for write in writes])
    with contextlib.suppress(WriteRefused):  # the refusals are on the writes
        run_checks(writes, user=user)
    return writes


@transaction.atomic
def update_activities(queryset, *, user, **values) -> list[ActivityWrite]:
    """The same values onto every activity of `queryset` (a bulk action): each record is
    checked by the rules as it would be saved, its version moves once, and it is logged."""
    activities = list(queryset.select_for_update(of=("self",)).select_related("place").order_by("pk"))
    for activity in activities:
        for name, value in values.items():
            setattr(activity, name, value)
    return write_activities([], activities, user=user, fields=list(values))


@transaction.atomic
def delete_activities(queryset, *, user) -> int:
    """Delete the activities of `queryset` (and their lines), after the rules allow it, each
    logged before it goes. Returns how many activities were deleted."""
    activities = list(queryset.order_by("pk"))
    writes = [ActivityWrite(activity, Action.DELETE) for activity in activities]
    if not writes:
        return 0
    run_checks(writes, user=user)
    if len(writes) == 1:
        log(activities[0], LOG_ACTIONS[Action.DELETE], user=user, deleted=True, data=deleted_where(activities[0]))
    else:
        _log_many(writes, user, {})
    Activity.objects.filter(pk__in=[activity.pk for activity in activities]).delete()
    run_written(writes, user=user)
    return len(writes)


@transaction.atomic
def write_lines(activity_ids: Iterable[int], *, user, write: Callable[[], None]) -> list[ActivityWrite]:
    """Lines of existing activities change without the activities themselves (an import of
    sign-in lines): the rules check the activities first, `write` stores the lines, each
    version moves once, and the rules' after-write step follows. The caller logs the lines
    (it knows what they are)."""
    activities = list(Activity.objects.filter(pk__in=set(activity_ids)).order_by("pk"))
    writes = [ActivityWrite(activity, Action.LINES, lines_changed=True) for activity in activities]
    if not writes:
        write()
        return writes
    run_checks(writes, user=user)
    write()
    Activity.objects.filter(pk__in=[activity.pk for activity in activities]).touch()
    run_written(writes, user=user)
    return writes


def set_counts(activities: Sequence[Activity], fields: Sequence[str]) -> None:
    """Store counts that a rule derived (from a sign-in list) on records already written in
    this change: one bulk update that leaves their versions where the change put them."""
    if activities:
        Activity._base_manager.bulk_update(activities, list(fields))


def _prepare(activities: Sequence[Activity]) -> None:
    """Province and district from each place (places read in one query), a UUID for new records."""
    missing = {a.place_id for a in activities if a.place_id and not Activity.place.is_cached(a)}
    places = Place.objects.in_bulk(missing) if missing else {}
    for activity in activities:
        if activity.place_id:
            if activity.place_id in places:
                activity.place = places[activity.place_id]
            activity.province_id, activity.district_id = activity.place.grouping_ids()
        if activity.client_uuid is None and activity._state.adding:
            activity.client_uuid = uuid.uuid4()


def _child_relations() -> dict[str, models.ForeignObjectRel]:
    return {rel.get_accessor_name(): rel for rel in get_all_child_relations(Activity)}


def _put_lines(activity: Activity, lines: list[models.Model]) -> None:
    by_model: dict[type, list] = {}
    for line in lines:
        by_model.setdefault(type(line), []).append(line)
    for name, rel in _child_relations().items():
        if rel.related_model in by_model:
            setattr(activity, name, by_model[rel.related_model])


def _take_children(activity: Activity) -> dict[str, list[models.Model]]:
    """The lines waiting in the activity's cluster, taken out so that the save below does
    not write them one by one (modelcluster saves each line with a query of its own)."""
    cluster = getattr(activity, "_cluster_related_objects", {})
    names = set(_child_relations())
    return {name: list(cluster.pop(name)) for name in list(cluster) if name in names}


def _commit_lines(activity: Activity, name: str, items: list[models.Model]) -> None:
    """The activity's lines of one kind become `items`: the others deleted, new ones
    inserted, kept ones updated — four queries at most, whatever the number of lines."""
    rel = _child_relations()[name]
    model, key = rel.related_model, rel.field
    live = set(model._base_manager.filter(**{key.attname: activity.pk}).values_list("pk", flat=True))
    kept = {item.pk for item in items if item.pk is not None}
    if live - kept:
        model._base_manager.filter(pk__in=live - kept).delete()
    for item in items:
        setattr(item, key.name, activity)
    new = [item for item in items if item.pk is None or item.pk not in live]
    old = [item for item in items if item.pk is not None and item.pk in live]
    if new:
        model._base_manager.bulk_create(new)
    if old:
        editable = [f.name for f in model._meta.concrete_fields if not f.primary_key and f.name != key.name]
        model._base_manager.bulk_update(old, editable)


def deleted_where(activity: Activity) -> dict:
    """Where and when a deleted activity counted, kept in its audit entry: a list of the
    changes made to a province over some days can still name it once it is gone. Nothing
    personal: the province's id and the activity's dates."""
    return {
        "province": activity.province_id,
        "start_date": activity.start_date.isoformat() if activity.start_date else None,
        "end_date": activity.end_date.isoformat() if activity.end_date else None,
    }


def _log_many(writes: Sequence[ActivityWrite], user, data: dict) -> None:
    """One audit entry per record, in one insert, sharing one UUID (one person's one action)."""
    content_type = ContentType.objects.get_for_model(Activity, for_concrete_model=False)
    shared, now = uuid.uuid4(), timezone.now()
    user_id = user.pk if user is not None and user.pk else None
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type_id=content_type.pk,
                object_id=str(write.activity.pk),
                label=str(write.activity)[:255],
                action=LOG_ACTIONS[write.action],
                data={**data, **deleted_where(write.activity)} if write.action == Action.DELETE else data,
                timestamp=now,
                uuid=shared,
                user_id=user_id,
                content_changed=write.action != Action.DELETE,
                deleted=write.action == Action.DELETE,
            )
            for write in writes
        ],
        batch_size=1000,
    )
