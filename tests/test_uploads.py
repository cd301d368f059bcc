"""Uploads: only the expected kinds of file, within size caps; documents are served by
Wagtail's serve view, PDFs inline and everything else as a download."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

Document = get_document_model()
Image = get_image_model()


@pytest.fixture
def editor_client(client, superuser, settings, tmp_path):
    # Files on disk, as in production: the serve view streams from a real path.
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    client.force_login(superuser)
    return client


def upload_document(client, name: str, content: bytes):
    return client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": Collection.get_first_root_node().pk},
    )


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    PillowImage.new("1", (width, height)).save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    "name", ["leaflet.exe", "page.html", "drawing.svg", "macro.xlsm", "script.js", "archive.zip", "leaflet.pdf.exe"]
)
def test_documents_outside_the_allow_list_are_refused(editor_client, name):
    response = upload_document(editor_client, name, b"MZ not a leaflet")
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not Document.objects.exists()


def test_a_pdf_leaflet_is_accepted_and_served_inline_through_the_serve_view(editor_client):
    response = upload_document(editor_client, "to-roi.pdf", b"%PDF-1.4 leaflet")
    assert response.status_code == 302
    document = Document.objects.get()
    served = editor_client.get(document.url)
    assert served.status_code == 200
    assert document.url.startswith("/documents/")
    assert served["Content-Disposition"].startswith("inline")
    assert served["X-Content-Type-Options"] == "nosniff"


def test_other_documents_are_served_as_downloads(editor_client):
    assert upload_document(editor_client, "bao-cao.docx", b"PK\x03\x04 a report").status_code == 302
    served = editor_client.get(Document.objects.get().url)
    assert served["Content-Disposition"].startswith("attachment")


def test_documents_above_the_size_cap_are_refused(editor_client, settings):
    too_big = b"%PDF-1.4" + b"0" * settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    response = upload_document(editor_client, "huge.pdf", too_big)
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not Document.objects.exists()


def test_images_above_the_pixel_cap_are_refused(editor_client, settings):
    side = int(settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS**0.5) + 100  # a small file, too many pixels
    response = editor_client.post(
        "/admin/images/add/",
        {
            "title": "bomb",
            "file": SimpleUploadedFile("bomb.png", png(side, side), content_type="image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not Image.objects.exists()


def test_svg_images_are_refused(editor_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = editor_client.post(
        "/admin/images/add/",
        {
            "title": "drawing",
            "file": SimpleUploadedFile("drawing.svg", svg, content_type="image/svg+xml"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert not Image.objects.exists()
