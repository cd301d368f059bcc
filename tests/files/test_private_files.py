"""Activity photos, restricted documents and drafts' files live in the private storage under
random names, reach only those who may see their record, and move when their state changes."""

import posixpath
import re

import pytest
from django.core.files.storage import storages
from django.core.management import call_command
from wagtail.models import Collection, CollectionViewRestriction

from access.roles import NATIONAL_ADMINS, TRAINERS
from tests.factories import SON_LA, THANH_HOA, ActivityFactory, son_la_commune, staff
from tests.factories import cms as pages
from tests.files.photos import proxy_status

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo_b(places):
    photo = pages.image(title="Ảnh buổi truyền thông B")
    ActivityFactory(place=son_la_commune()).photos.add(photo)
    photo.refresh_from_db()
    return photo


def fetch(client, user, url: str) -> int:
    if user is not None:
        client.force_login(user)
    return client.get(url).status_code


def test_activity_photo_is_stored_privately(photo_b):
    assert storages["private"].exists(photo_b.file.name)
    assert not storages["public"].exists(photo_b.file.name)


def test_activity_photo_is_not_under_media(photo_b):
    assert proxy_status(photo_b.file.url) == 404
    assert photo_b.file.url.startswith("/files/")


def test_activity_photo_keeps_no_upload_name(photo_b):
    """The factory uploads "test.png"; the stored name is p_ and 32 random hexadecimal digits."""
    assert re.fullmatch(r"original_images/p_[0-9a-f]{32}\.png", photo_b.file.name)


def test_rendition_name_is_not_the_originals(photo_b):
    rendition = photo_b.get_rendition("fill-100x100")
    original = posixpath.splitext(posixpath.basename(photo_b.file.name))[0]
    assert original not in rendition.file.name
    assert "fill" not in rendition.file.name
    assert storages["private"].exists(rendition.file.name)


@pytest.mark.parametrize(
    ("who", "expected"), [("anonymous", 404), ("trainer A", 404), ("trainer B", 200), ("national", 200)]
)
def test_photo_reaches_only_who_sees_its_activity(client, photo_b, who, expected):
    users = {
        "anonymous": None,
        "trainer A": staff(TRAINERS, THANH_HOA),
        "trainer B": staff(TRAINERS, SON_LA),
        "national": staff(NATIONAL_ADMINS),
    }
    assert fetch(client, users[who], photo_b.file.url) == expected


@pytest.mark.parametrize(("who", "expected"), [("anonymous", 404), ("trainer A", 404), ("trainer B", 200)])
def test_rendition_reaches_only_who_sees_its_activity(client, photo_b, who, expected):
    users = {"anonymous": None, "trainer A": staff(TRAINERS, THANH_HOA), "trainer B": staff(TRAINERS, SON_LA)}
    url = photo_b.get_rendition("fill-100x100").url
    assert proxy_status(url) == 404
    assert fetch(client, users[who], url) == expected


def test_article_image_stays_public(client):
    image = pages.image()
    pages.article(hero_image=image, hero_alt="Hội viên phụ nữ")
    image.refresh_from_db()
    assert proxy_status(image.file.url) == 200
    assert proxy_status(image.get_rendition("fill-100x100").url) == 200


def test_photo_attached_later_moves_to_private(places):
    image = pages.image()
    public_name = image.file.name
    ActivityFactory(place=son_la_commune()).photos.add(image)
    image.refresh_from_db()
    assert image.file.name != public_name
    assert storages["private"].exists(image.file.name)


def test_draft_leaflet_pdf_is_private(client, media_on_disk):
    document = pages.document()
    pages.LeafletPageFactory(document=document, draft=True)
    document.refresh_from_db()
    assert storages["private"].exists(document.file.name)
    assert fetch(client, None, document.url) == 404


def test_published_leaflet_pdf_moves_to_public(client, media_on_disk):
    document = pages.document()
    leaflet = pages.LeafletPageFactory(document=document, draft=True)
    leaflet.save_revision().publish()
    document.refresh_from_db()
    assert storages["public"].exists(document.file.name)
    assert fetch(client, None, document.url) == 200


def test_unpublished_leaflet_pdf_moves_back_to_private():
    document = pages.document()
    leaflet = pages.LeafletPageFactory(document=document)
    document.refresh_from_db()
    assert storages["public"].exists(document.file.name)
    leaflet.unpublish()
    document.refresh_from_db()
    assert storages["private"].exists(document.file.name)


def test_draft_article_hero_image_is_private():
    image = pages.image()
    pages.ArticlePageFactory(hero_image=image, hero_alt="Hội viên phụ nữ", draft=True)
    image.refresh_from_db()
    assert storages["private"].exists(image.file.name)
    assert proxy_status(image.get_rendition("fill-100x100").url) == 404


def test_draft_leaflet_pdf_reaches_its_editors(client, media_on_disk, superuser):
    document = pages.document()
    pages.LeafletPageFactory(document=document, draft=True)
    document.refresh_from_db()
    assert fetch(client, superuser, document.url) == 200


def test_document_moved_into_a_restricted_collection_goes_private():
    document = pages.document()
    assert storages["public"].exists(document.file.name)
    closed = Collection.get_first_root_node().add_child(name="Nội bộ")
    CollectionViewRestriction.objects.create(collection=closed, restriction_type=CollectionViewRestriction.LOGIN)
    document.collection = closed
    document.save()
    assert storages["private"].exists(document.file.name)
    assert proxy_status(document.file.url) == 404


def test_restricting_a_collection_moves_its_documents():
    closed = Collection.get_first_root_node().add_child(name="Nội bộ")
    document = pages.document()
    document.collection = closed
    document.save()
    CollectionViewRestriction.objects.create(collection=closed, restriction_type=CollectionViewRestriction.LOGIN)
    document.refresh_from_db()
    assert storages["private"].exists(document.file.name)


def test_place_files_moves_files_of_an_existing_database(places, django_capture_on_commit_callbacks):
    """Files stored before the private storage existed: in MEDIA_ROOT under the upload's name."""
    photo = pages.image()
    with photo.file.open("rb") as source:
        legacy = storages["public"].save("original_images/IMG_0001.jpg", source)
    type(photo).objects.filter(pk=photo.pk).update(file=legacy)
    activity = ActivityFactory(place=son_la_commune())
    activity.photos.through.objects.create(activity=activity, image=photo)  # no signal, as an old row
    with django_capture_on_commit_callbacks(execute=True):
        call_command("place_files", verbosity=0)
    photo.refresh_from_db()
    assert storages["private"].exists(photo.file.name)
    assert not storages["public"].exists(legacy)


def draft_of(page, **changes):
    """A live page changed as the editor's Save draft changes it: a new revision, the page's
    row (its published content) left as it was."""
    page = type(page).objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    return page.save_revision()


def test_live_articles_draft_hero_image_is_private():
    published, new = pages.image(title="Ảnh đã đăng"), pages.image(title="Ảnh mới chọn")
    article = pages.article(hero_image=published, hero_alt="Hội viên phụ nữ")
    draft_of(article, hero_image=new)
    new.refresh_from_db()
    published.refresh_from_db()
    assert storages["private"].exists(new.file.name)
    assert proxy_status(new.get_rendition("fill-100x100").url) == 404
    assert proxy_status(published.file.url) == 200


def test_live_leaflets_draft_pdf_is_private_until_published(client, media_on_disk):
    leaflet = pages.LeafletPageFactory(document=pages.document(title="Tờ rơi đã đăng"))
    new = pages.document(title="Tờ rơi sửa lại")
    revision = draft_of(leaflet, document=new)
    new.refresh_from_db()
    assert storages["private"].exists(new.file.name)
    assert fetch(client, None, new.url) == 404
    revision.publish()
    new.refresh_from_db()
    assert storages["public"].exists(new.file.name)
    assert fetch(client, None, new.url) == 200


def test_draft_revisions_pdf_goes_back_private_when_the_page_is_unpublished(media_on_disk):
    leaflet = pages.LeafletPageFactory(document=pages.document())
    new = pages.document(title="Tờ rơi sửa lại")
    draft_of(leaflet, document=new).publish()
    type(leaflet).objects.get(pk=leaflet.pk).unpublish()
    new.refresh_from_db()
    assert storages["private"].exists(new.file.name)


def test_draft_revisions_pdf_reaches_its_editors(client, media_on_disk, superuser):
    leaflet = pages.LeafletPageFactory(document=pages.document())
    new = pages.document(title="Tờ rơi sửa lại")
    draft_of(leaflet, document=new)
    new.refresh_from_db()
    assert fetch(client, superuser, new.url) == 200
