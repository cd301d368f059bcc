"""The site's editors manage the public collection's images and documents, never the
provinces' activity photos: they cannot list, open, choose or preview one (access/collections.py)."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, GroupCollectionPermission

from access.collections import PUBLIC_COLLECTION, public_collection
from access.roles import EDITORS, NATIONAL_ADMINS
from tests.factories import ActivityFactory, UserFactory, son_la_commune, staff
from tests.factories import cms as pages
from tests.files.photos import phone_photo

pytestmark = pytest.mark.django_db
public_collection_migration = importlib.import_module("access.migrations.0003_public_collection")


@pytest.fixture
def editor(client):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return user


@pytest.fixture
def photo(places):
    photo = pages.image(title="Ảnh buổi truyền thông Sơn La")
    ActivityFactory(place=son_la_commune()).photos.add(photo)
    photo.refresh_from_db()
    return photo


def test_no_site_group_holds_a_file_permission_on_the_root_collection():
    root = Collection.get_first_root_node()
    held = GroupCollectionPermission.objects.filter(collection=root, group__name__in=[EDITORS, "Moderators"])
    assert list(held.values_list("group__name", "permission__codename")) == []


@pytest.mark.parametrize("group", [EDITORS, "Moderators"])
def test_site_groups_hold_their_file_permissions_on_the_public_collection(group):
    held = GroupCollectionPermission.objects.filter(collection=public_collection(), group__name=group)
    codenames = set(held.values_list("permission__codename", flat=True))
    assert {"add_image", "change_image", "choose_image", "add_document", "change_document"} <= codenames


@pytest.mark.parametrize("screen", ["admin/images/{pk}/", "admin/images/{pk}/preview/fill-100x100/"])
def test_editor_cannot_open_an_activity_photo(client, editor, photo, screen):
    response = client.get("/" + screen.format(pk=photo.pk))
    assert response.status_code != 200


def test_editor_cannot_choose_an_activity_photo(client, editor, photo):
    assert client.get(f"/admin/images/chooser/{photo.pk}/select_format/").status_code != 200
    chosen = client.get(f"/admin/images/chooser/chosen/{photo.pk}/")
    assert chosen.status_code != 200 or photo.title not in chosen.content.decode()


@pytest.mark.parametrize("listing", ["/admin/images/", "/admin/images/chooser/", "/admin/images/chooser/results/"])
def test_editor_does_not_see_activity_photos_listed(client, editor, photo, listing):
    article_image = pages.image(title="Ảnh bài viết")
    response = client.get(listing)
    page = response.json()["html"] if response["Content-Type"] == "application/json" else response.content.decode()
    assert article_image.title in page
    assert photo.title not in page


def test_national_administrator_still_opens_an_activity_photo(client, photo):
    client.force_login(staff(NATIONAL_ADMINS))
    assert client.get(f"/admin/images/{photo.pk}/").status_code == 200


def test_editor_opens_the_public_sites_images_and_documents(client, editor):
    image, document = pages.image(), pages.document()
    assert client.get(f"/admin/images/{image.pk}/").status_code == 200
    assert client.get(f"/admin/documents/edit/{document.pk}/").status_code == 200


def test_editors_upload_lands_in_the_public_collection(client, editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("IMG_0001.jpg", phone_photo(), content_type="image/jpeg")
    response = client.post("/admin/images/add/", {"title": "Ảnh mới", "file": upload})
    assert response.status_code == 302
    assert Image.objects.get(title="Ảnh mới").collection.name == PUBLIC_COLLECTION


def test_migration_moves_the_root_collections_files_and_grants_to_the_public_collection():
    """A database as Wagtail's migrations leave it: the site's files and the editors'
    permissions on the root collection."""
    root = Collection.get_first_root_node()
    image, document = pages.image(), pages.document()
    Image.objects.filter(pk=image.pk).update(collection=root)
    Document.objects.filter(pk=document.pk).update(collection=root)
    editors = Group.objects.get(name=EDITORS)
    choose = Permission.objects.get(content_type__app_label="wagtailimages", codename="choose_image")
    GroupCollectionPermission.objects.filter(group=editors).delete()
    GroupCollectionPermission.objects.create(group=editors, collection=root, permission=choose)

    public_collection_migration.forwards(apps, None)

    public = public_collection()
    assert Image.objects.get(pk=image.pk).collection_id == public.pk
    assert Document.objects.get(pk=document.pk).collection_id == public.pk
    grants = GroupCollectionPermission.objects.filter(group=editors)
    assert list(grants.values_list("collection_id", "permission_id")) == [(public.pk, choose.pk)]


def test_migration_makes_the_public_collection_where_treebeard_would():
    """Made by hand in the migration (historical models have no tree methods): a valid
    child of the root, after the ones already there."""
    root = Collection.get_first_root_node()
    Collection.objects.filter(name=PUBLIC_COLLECTION).delete()
    other = Collection.objects.get(pk=Collection.get_first_root_node().add_child(name="Nội bộ").pk)
    public_collection_migration.forwards(apps, None)
    public = Collection.objects.get(name=PUBLIC_COLLECTION)
    root.refresh_from_db()
    assert public.get_parent() == root
    assert public.path > other.path
    assert root.numchild == root.get_children().count()
    assert Collection.find_problems() == ([], [], [], [], [])
