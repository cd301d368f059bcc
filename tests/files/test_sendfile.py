"""core.sendfile, the document serve view's backend behind the proxy: the address it hands
nginx (X-Accel-Redirect) for a file of either folder, and nothing for a file outside them.
tests/files/test_proxy.py follows the same answers through nginx itself."""

from pathlib import Path

import pytest
from django.http import Http404
from django.test import RequestFactory

from core.sendfile import sendfile


@pytest.fixture
def folders(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    settings.PRIVATE_MEDIA_ACCEL_PREFIX = "/_private/"
    for folder in ("media/documents", "private/documents"):
        (tmp_path / folder).mkdir(parents=True)
    return tmp_path


def accel(path: Path) -> str:
    path.write_bytes(b"%PDF-1.4\n")
    return sendfile(RequestFactory().get("/documents/1/x.pdf"), str(path), mimetype="application/pdf")[
        "X-Accel-Redirect"
    ]


def test_a_private_file_goes_to_the_internal_location(folders):
    assert accel(folders / "private/documents/p_0a.pdf") == "/_private/documents/p_0a.pdf"


def test_a_public_file_goes_to_the_media_address(folders):
    assert accel(folders / "media/documents/o_0a.pdf") == "/media/documents/o_0a.pdf"


def test_an_upload_name_is_sent_as_an_address(folders):
    """A header holds Latin-1 only: Django would send the name MIME-encoded, which nginx
    reads as a path that does not exist."""
    address = accel(folders / "media/documents/Tờ rơi #2 (100%)?.pdf")
    assert address == "/media/documents/T%E1%BB%9D%20r%C6%A1i%20%232%20%28100%25%29%3F.pdf"


def test_a_file_outside_both_folders_is_not_found(folders):
    outside = folders / "elsewhere.pdf"
    outside.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(Http404):
        sendfile(RequestFactory().get("/"), str(outside))
    with pytest.raises(Http404):
        sendfile(RequestFactory().get("/"), str(folders / "media/../elsewhere.pdf"))
