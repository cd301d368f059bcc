"""Which uploaded files are private, who may fetch them, and moving them when that changes.

A file is private when any registered rule says so of its record (an image or a
document): the core rule below for collections with a view restriction, campaigns' for the
photos of activities, cms's for the files of pages not yet published. Whoever asks for a
private file gets it only when every rule that makes it private lets them; everyone else
gets a 404, which tells nothing of what is there.

Private files live in the "private" storage under names marked private (core/storage.py);
`place(record)` moves a record's file to the storage its rules call for, under a new random
name, and drops an image's renditions (Wagtail makes them again where the image now is).
Each app calls it when what its rule reads changes; `manage.py place_files` does it for
every file of an existing database.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import quote

from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect

from core.conf import setting
from core.storage import MediaStorage, is_marked, is_private_name, marked_name


@dataclass(frozen=True)
class Rule:
    """`applies(record)`: the record's file must be private; `allows(request, record)`:
    this request may have it all the same."""

    name: str
    applies: Callable
    allows: Callable


RULES: list[Rule] = []


def register(rule: Rule) -> None:
    if rule.name not in {existing.name for existing in RULES}:
        RULES.append(rule)


def private_rules(record) -> list[Rule]:
    return [rule for rule in RULES if rule.applies(record)]


def is_private(record) -> bool:
    return bool(private_rules(record))


def may_fetch(request, record, *, besides: tuple[str, ...] = ()) -> bool:
    """Every rule that makes the record private lets this request have it (`besides`:
    rules checked elsewhere, as Wagtail checks collection restrictions of documents)."""
    return all(rule.allows(request, record) for rule in private_rules(record) if rule.name not in besides)


def place(record) -> bool:
    """Move the record's file to the storage its rules call for; True when it moved."""
    field_file = record.file
    name = field_file.name
    storage = field_file.storage
    if not name or not isinstance(getattr(storage, "_wrapped", storage), MediaStorage):
        return False
    private = is_private(record)
    if is_marked(name) and is_private_name(name) == private:
        return False
    if not storage.exists(name):
        return False
    with storage.open(name, "rb") as source:
        moved = storage.save(marked_name(name, private=private), source)
    type(record).objects.filter(pk=record.pk).update(file=moved)
    field_file.name = moved
    # The old copy goes once the new name is committed; a rollback keeps both.
    transaction.on_commit(lambda: storage.delete(name))
    if hasattr(record, "renditions"):
        for rendition in record.renditions.all():
            rendition.delete()  # Wagtail removes the file and its cache entry
    return True


def place_all(records: Iterable) -> int:
    return sum(place(record) for record in records)


# --- The core rule: collections with a view restriction -----------------------------------


def _collection_restrictions(record) -> list:
    collection = getattr(record, "collection", None)
    return list(collection.get_view_restrictions()) if collection is not None else []


def _restricted_collection_allows(request, record) -> bool:
    return all(restriction.accept_request(request) for restriction in _collection_restrictions(record))


RESTRICTED_COLLECTION = "restricted collection"
register(
    Rule(
        RESTRICTED_COLLECTION,
        applies=lambda record: bool(_collection_restrictions(record)),
        allows=_restricted_collection_allows,
    )
)


# --- Fetching a private file ----------------------------------------------------------------


def owner_of(name: str):
    """The image or document whose file (or rendition) is stored under `name`."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    image_model = get_image_model()
    rendition = image_model.get_rendition_model().objects.filter(file=name).select_related("image").first()
    if rendition is not None:
        return rendition.image
    return image_model.objects.filter(file=name).first() or get_document_model().objects.filter(file=name).first()


def private_file(request, name: str) -> HttpResponse:
    """A private file for whoever may see its record; 404 for everyone else."""
    record = owner_of(name) if is_private_name(name) else None
    if record is None or not may_fetch(request, record):
        raise Http404
    response = send(name)
    # Kept by the user's own browser only, never by a shared cache on the way.
    response["Cache-Control"] = "private, max-age=300"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


def send(name: str) -> HttpResponse:
    """The private file `name`: handed to the proxy (X-Accel-Redirect) when it serves the
    private folder internally, a redirect to a short-lived signed address on object
    storage, else sent by the application."""
    from django.core.files.storage import storages

    backend = storages["private"]
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    prefix = setting("PRIVATE_MEDIA_ACCEL_PREFIX", "")
    try:
        backend.path(name)
        local = True
    except NotImplementedError:
        local = False
    if not backend.exists(name):
        raise Http404
    if local and prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(name)
        return response
    if not local and hasattr(backend, "bucket_name"):
        return HttpResponseRedirect(backend.url(name))
    return FileResponse(backend.open(name, "rb"), content_type=content_type)


# --- Keeping files where they belong ---------------------------------------------------------


def _record_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        place(instance)


def _restriction_changed(sender, instance, **kwargs) -> None:
    """A collection that gains or loses a view restriction takes its files (and those of
    the collections below it) with it."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is None:
        return
    below = Collection.objects.descendant_of(collection, inclusive=True)
    for model in (get_image_model(), get_document_model()):
        place_all(model.objects.filter(collection__in=below))


def connect_signals() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import CollectionViewRestriction

    for model in (get_image_model(), get_document_model()):
        post_save.connect(_record_saved, sender=model, dispatch_uid=f"core.files.{model._meta.label}")
    for signal in (post_save, post_delete):
        signal.connect(_restriction_changed, sender=CollectionViewRestriction, dispatch_uid=f"core.files.{signal}")
