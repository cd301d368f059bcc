"""Activity photos live in one Wagtail collection per province, open only to that province.

Photos of a session may show the people who came, some of them returned victims. Wagtail
grants image permissions per collection and per group, and every image path it has (the
chooser, the upload tab, the image list and edit screens, the admin API) obeys them, so the
province's photos get a collection of their own ("Ảnh hoạt động" / "Thanh Hóa") and a group
that may add and choose images there, with a view restriction that keeps the collection
out of other provinces' image API. A member of staff is in the photo groups of the provinces
on their staff scope, kept in step when the scope changes; national administrators choose
from every collection.

The files follow: a photo attached to an activity is private (core/files.py), fetched only by
those who may see one of its activities, and moves to the private storage when attached.

A filtered chooser (the `construct_image_chooser_queryset` hook) would cover the chooser
alone and leave a photo uploaded but not yet attached, the image list and the API open.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from access.models import StaffScope
from access.roles import NATIONAL_ADMINS
from campaigns.models import Activity
from places.models import Place

PHOTOS = "Ảnh hoạt động"
GROUP_PREFIX = "Ảnh hoạt động: "
PHOTO_PERMISSIONS = ("add_image", "choose_image")


def photos_root():
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    found = root.get_children().filter(name=PHOTOS).first()
    return found or root.add_child(name=PHOTOS)


def province_collection(province: Place):
    """The photo collection of a current province, made with its group the first time."""
    from wagtail.models import Collection, CollectionViewRestriction, GroupCollectionPermission

    parent = photos_root()
    collection = parent.get_children().filter(name=province.short_name).first()
    if collection is not None:
        return collection
    with transaction.atomic():
        collection = Collection.objects.get(pk=parent.add_child(name=province.short_name).pk)
        group = province_group(province)
        for codename in PHOTO_PERMISSIONS:
            permission = Permission.objects.get(content_type__app_label="wagtailimages", codename=codename)
            GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        # National administrators hold image permissions on the root collection, which covers
        # this one: they see these photos in the API as on their screens. The site's editors
        # hold theirs on the public collection only (access/collections.py).
        restriction.groups.set([group, *Group.objects.filter(name=NATIONAL_ADMINS)])
    return collection


def province_group(province: Place) -> Group:
    group, _created = Group.objects.get_or_create(name=f"{GROUP_PREFIX}{province.short_name}")
    return group


def sync_photo_groups(user) -> None:
    """Put `user` in the photo groups of the provinces on their staff scope, and no other."""
    scope = StaffScope.objects.filter(user=user).first()
    provinces = list(scope.provinces.all()) if scope else []
    wanted = set()
    for province in provinces:
        province_collection(province)
        wanted.add(province_group(province).pk)
    current = set(user.groups.filter(name__startswith=GROUP_PREFIX).values_list("pk", flat=True))
    user.groups.remove(*(current - wanted))
    user.groups.add(*(wanted - current))


def file_photos(activity: Activity, image_ids) -> None:
    """Photos attached to an activity move from the shared collections into its province's
    collection; a photo already in a province's collection stays there."""
    from wagtail.images import get_image_model

    province = Place.objects.get(pk=activity.province_id)
    if province.successor_id:
        province = Place.objects.get(pk=province.successor_id)
    collection = province_collection(province)
    provincial = photos_root().get_descendants().values("pk")
    get_image_model().objects.filter(pk__in=image_ids).exclude(collection__in=provincial).update(collection=collection)


def file_existing_photos(**kwargs) -> None:
    """After every migrate: photos attached before they had collections of their own move
    into their province's collection (idempotent; nothing to do once they are filed)."""
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    if Collection.get_first_root_node() is None:
        return
    provincial = photos_root().get_descendants().values("pk")
    unfiled = get_image_model().objects.exclude(collection__in=provincial).values("pk")
    links = Activity.photos.through.objects.filter(image__in=unfiled).values_list("activity_id", "image_id")
    by_activity: dict[int, list[int]] = {}
    for activity_id, image_id in links:
        by_activity.setdefault(activity_id, []).append(image_id)
    for activity in Activity.objects.filter(pk__in=list(by_activity)).only("pk", "province"):
        file_photos(activity, by_activity[activity.pk])


def is_activity_photo(record) -> bool:
    from wagtail.images import get_image_model

    return isinstance(record, get_image_model()) and Activity.photos.through.objects.filter(image=record).exists()


def may_see_photo(request, image) -> bool:
    return Activity.objects.for_user(request.user).filter(photos=image).exists()


def connect_signals() -> None:
    from django.db.models.signals import m2m_changed, post_delete

    from core.files import Rule, register

    register(Rule("activity photo", applies=is_activity_photo, allows=may_see_photo))

    m2m_changed.connect(_scope_changed, sender=StaffScope.provinces.through, dispatch_uid="campaigns.photos.scope")
    post_delete.connect(_scope_deleted, sender=StaffScope, dispatch_uid="campaigns.photos.scope_deleted")
    m2m_changed.connect(_photos_added, sender=Activity.photos.through, dispatch_uid="campaigns.photos.filed")


def _scope_changed(sender, instance, action, reverse, **kwargs) -> None:
    if action.startswith("post_") and not reverse:
        sync_photo_groups(instance.user)


def _scope_deleted(sender, instance, **kwargs) -> None:
    sync_photo_groups(instance.user)


def _photos_added(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    from wagtail.images import get_image_model

    from core.files import place_all

    if action == "post_add" and not reverse and pk_set:
        file_photos(instance, pk_set)
    if action in ("post_add", "post_remove") and pk_set:
        # A photo attached goes private; one detached from every activity may leave it.
        images = get_image_model().objects.filter(pk__in=[instance.pk] if reverse else pk_set)
        place_all(images)
