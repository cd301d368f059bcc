"""The files of pages not yet published are private until the page is.

A leaflet's PDF or cover, or an article's hero image, that only drafts use is kept in the
private storage (core/files.py) and served only to those who may edit one of those pages.
A draft is a page never published or unpublished, whose row holds its content, or the
unpublished revision of a live page: Wagtail keeps a live page's row as published and
writes its changes to a revision (`latest_revision`) until they are published, so a new
hero image or leaflet PDF chosen there is read from the revision's content. Publishing
moves a page's files to the public storage; unpublishing moves back those that no
published page still uses. A file that no page uses follows its collection alone.
"""

from __future__ import annotations

from functools import cache

from wagtail.models import Page, get_page_models

from core.files import Rule, place_all, register


@cache
def file_fields() -> tuple[tuple[type, str, type], ...]:
    """(page model, field name, file model) for every page field pointing at an image or document."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    targets = (get_image_model(), get_document_model())
    found = []
    for model in get_page_models():
        for field in model._meta.local_fields:
            if field.is_relation and field.related_model in targets:
                found.append((model, field.name, field.related_model))
    return tuple(found)


def pages_using(record) -> list[Page]:
    """The pages whose row uses the record: a live page's published content, or a draft's."""
    pages = []
    for model, name, target in file_fields():
        if isinstance(record, target):
            pages += list(model.objects.filter(**{name: record}))
    return pages


def pages_with_a_draft_using(record) -> list[Page]:
    """The pages whose unpublished latest revision uses the record (read from the
    revision's content, where Wagtail keeps a field's value by its id)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import F

    pages = []
    for model, name, target in file_fields():
        if not isinstance(record, target):
            continue
        kinds = ContentType.objects.get_for_models(*[m for m in get_page_models() if issubclass(m, model)]).values()
        found = (
            Page.objects.filter(
                latest_revision__content_type__in=kinds, **{f"latest_revision__content__{name}": record.pk}
            )
            .exclude(live_revision=F("latest_revision"))
            .specific()
        )
        pages += list(found)
    return pages


def only_in_drafts(record) -> bool:
    pages = pages_using(record)
    if any(page.live for page in pages):
        return False
    return bool(pages) or bool(pages_with_a_draft_using(record))


def may_edit_a_page_using(request, record) -> bool:
    user = request.user
    if not user.is_authenticated:
        return False
    pages = pages_using(record) + pages_with_a_draft_using(record)
    return any(page.permissions_for_user(user).can_edit() for page in pages)


def files_of(page: Page) -> list:
    page = page.specific
    files = []
    for model, name, _target in file_fields():
        if isinstance(page, model):
            value = getattr(page, name)
            if value is not None:
                files.append(value)
    return files


def _page_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    place_all(files_of(instance))


def connect() -> None:
    from django.db.models.signals import post_save
    from wagtail.signals import page_published, page_unpublished

    register(Rule("file of a draft", applies=only_in_drafts, allows=may_edit_a_page_using))
    for model in get_page_models():
        post_save.connect(_page_changed, sender=model, dispatch_uid=f"cms.files.{model._meta.label}")
    page_published.connect(_page_changed, dispatch_uid="cms.files.published")
    page_unpublished.connect(_page_changed, dispatch_uid="cms.files.unpublished")
