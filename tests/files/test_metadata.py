"""Uploaded pictures keep no GPS position, maker, XMP or comment, in the original or any
rendition, whichever way they come in; the orientation the phone wrote is applied first."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.utils.file import hash_filelike

from tests.files.photos import metadata_of, phone_photo, size_of

Image = get_image_model()
CLEAN = {"exif": {}, "gps": {}, "other": []}
SUFFIX = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def add_image(client, kind: str = "JPEG"):
    upload = SimpleUploadedFile(f"IMG_0001.{SUFFIX[kind]}", phone_photo(kind), content_type="image/jpeg")
    response = client.post(
        "/admin/images/add/",
        {"title": "Buổi truyền thông", "file": upload, "collection": Collection.get_first_root_node().pk},
    )
    assert response.status_code == 302, response.content[:2000]
    return Image.objects.get(title="Buổi truyền thông")


def stored(field_file) -> bytes:
    with field_file.open("rb") as opened:
        return opened.read()


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP"])
def test_admin_upload_stores_no_metadata(admin_client, kind):
    image = add_image(admin_client, kind)
    assert metadata_of(stored(image.file)) == CLEAN


def test_source_photo_has_gps():
    """The test's own photo does carry what must be removed (else the tests above prove nothing)."""
    assert metadata_of(phone_photo())["gps"][2] == (20.0, 7.0, 30.0)


def test_renditions_have_no_metadata(admin_client):
    image = add_image(admin_client)
    rendition = image.get_rendition("fill-10x10")
    assert metadata_of(stored(rendition.file)) == CLEAN


def test_orientation_is_applied_before_the_tag_goes(admin_client):
    image = add_image(admin_client)
    assert size_of(stored(image.file)) == (20, 40)
    assert (image.width, image.height) == (20, 40)


def test_size_and_hash_are_those_of_the_stored_file(admin_client):
    image = add_image(admin_client)
    data = stored(image.file)
    assert image.file_size == len(data)
    assert image.file_hash == hash_filelike(io.BytesIO(data))


def test_multiple_upload_stores_no_metadata(admin_client):
    """The drag-and-drop upload keeps the file aside (an UploadedFile) first, then makes the
    image from it."""
    upload = SimpleUploadedFile("IMG_0002.jpg", phone_photo(), content_type="image/jpeg")
    response = admin_client.post("/admin/images/multiple/add/", {"files[]": upload})
    assert response.status_code == 200, response.content[:500]
    assert response.json()["success"], response.content[:500]
    upload_id = response.json()["uploaded_file_id"]
    response = admin_client.post(
        f"/admin/images/multiple/create_from_uploaded_image/{upload_id}/",
        {
            f"uploaded-image-{upload_id}-title": "Ảnh",
            f"uploaded-image-{upload_id}-collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.json()["success"], response.content[:500]
    image = Image.objects.get()
    assert metadata_of(stored(image.file)) == CLEAN


def test_chooser_upload_stores_no_metadata(admin_client):
    """The upload tab of the image chooser, as in the activity form's photos."""
    upload = SimpleUploadedFile("IMG_0003.jpg", phone_photo(), content_type="image/jpeg")
    response = admin_client.post(
        "/admin/images/chooser/create/",
        {
            "image-chooser-upload-title": "Ảnh",
            "image-chooser-upload-file": upload,
            "image-chooser-upload-collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    image = Image.objects.get()
    assert metadata_of(stored(image.file)) == CLEAN
