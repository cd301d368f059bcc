"""The proxy configuration of docs/deploy.md, started with Debian's nginx in front of the
application: public media from the proxy, private files only through the application."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.storage import storages
from django.test import Client
from wagtail.models import Collection, CollectionViewRestriction

from access.collections import public_collection
from tests.factories import UserFactory
from tests.factories import cms as pages

DEPLOY = Path(__file__).resolve().parents[2] / "docs" / "deploy.md"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)

pytestmark = [
    pytest.mark.skipif(NGINX is None, reason="nginx is not installed (Debian: apt-get install nginx-light)"),
    pytest.mark.django_db(transaction=True),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def documented_server_block() -> str:
    text = DEPLOY.read_text(encoding="utf-8")
    (block,) = re.findall(r"```nginx\n(.*?)```", text, flags=re.S)
    return block


def configuration(root: Path, port: int, app: str) -> str:
    """The documented block with this machine's folders, a plain HTTP port and the test's
    application, inside the least nginx needs to run as an ordinary program."""
    block = documented_server_block()
    block = re.sub(r"upstream app_servers \{[^}]*\}", f"upstream app_servers {{ server {app}; }}", block)
    block = block.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{port};")
    block = re.sub(r"\n\s*ssl_certificate[^\n]*;", "", block)
    block = block.replace("/srv/campaigns/", f"{root}/")
    return f"""
daemon off;
master_process off;
user root;
pid {root}/nginx.pid;
error_log {root}/nginx-error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {root}/tmp-body;
    proxy_temp_path {root}/tmp-proxy;
    fastcgi_temp_path {root}/tmp-fastcgi;
    uwsgi_temp_path {root}/tmp-uwsgi;
    scgi_temp_path {root}/tmp-scgi;
{block}
}}
"""


@pytest.fixture
def site(settings, tmp_path, live_server):
    """The application (pytest's live server) with its files on disk, as the documented
    settings put them, and nginx started with the documented configuration in front of it."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private-media")
    settings.PRIVATE_MEDIA_ACCEL_PREFIX = "/_private/"
    settings.STORAGES = {
        **settings.STORAGES,
        "public": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": settings.PRIVATE_MEDIA_ROOT},
        },
    }
    (tmp_path / "static").mkdir()
    if Collection.get_first_root_node() is None:  # a transactional test empties what migrate made
        Collection.add_root(name="Root")
        # Made now, as migrate makes it: made later beside a collection already held in
        # memory, it would shift that one's path (collections are kept in name order).
        public_collection()
    port = free_port()
    conf = tmp_path / "nginx.conf"
    conf.write_text(configuration(tmp_path, port, live_server.url.removeprefix("http://")), encoding="utf-8")
    proxy = subprocess.Popen([NGINX, "-c", str(conf), "-p", str(tmp_path)], stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if proxy.poll() is not None:
                    pytest.fail(f"nginx did not start: {proxy.stderr.read().decode()}")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proxy.terminate()
        proxy.wait(timeout=10)


@pytest.fixture
def private_photo():
    """A photo in a collection open to one group only, as a province's activity photos are,
    and a member of that group."""
    closed = Collection.get_first_root_node().add_child(name="Ảnh hoạt động thử")
    group = Group.objects.create(name="Ảnh hoạt động: thử")
    restriction = CollectionViewRestriction.objects.create(
        collection=closed, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([group])
    photo = pages.image(title="Ảnh buổi sinh hoạt")
    photo.collection = closed
    photo.save()
    member = UserFactory()
    member.groups.add(group)
    return photo, member


def get(url: str, cookie: str | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def stored(field_file) -> bytes:
    with field_file.open("rb") as opened:
        return opened.read()


def test_the_proxy_serves_public_images_and_the_application(site):
    image = pages.image()
    rendition = image.get_rendition("fill-100x100")
    assert image.file.url.startswith("/media/")
    assert get(site + image.file.url) == (200, stored(image.file))
    assert get(site + rendition.url)[0] == 200
    assert get(site + "/healthz/")[0] == 200


def test_a_private_photo_is_refused_at_every_address_to_the_anonymous(site, private_photo):
    photo, _member = private_photo
    statuses = [
        get(site + url)[0] for url in (f"/media/{photo.file.name}", f"/_private/{photo.file.name}", photo.file.url)
    ]
    assert statuses == [404, 404, 404]


def test_a_private_photo_reaches_an_allowed_user_through_the_application(site, private_photo):
    photo, member = private_photo
    assert photo.file.url.startswith("/files/")
    assert get(site + photo.file.url, session_cookie(member)) == (200, stored(photo.file))


# --- Documents: Wagtail's serve view checks, nginx sends (core/sendfile.py) ------------------


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def answer(url: str, cookie: str | None = None) -> tuple[int, dict, bytes]:
    """Status, headers and body as the proxy sends them, redirects not followed."""
    opener = urllib.request.build_opener(_NoRedirects)
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), b""


@pytest.fixture
def documents_by_the_proxy(settings, site):
    """SENDFILE_BACKEND as the settings set it when PRIVATE_MEDIA_ACCEL_PREFIX is given."""
    from wagtail.utils.sendfile import _get_sendfile

    settings.SENDFILE_BACKEND = "core.sendfile"
    _get_sendfile.clear()
    yield site
    _get_sendfile.clear()


def restricted_document():
    closed = Collection.get_first_root_node().add_child(name="Tài liệu nội bộ thử")
    group = Group.objects.create(name="Đọc tài liệu nội bộ")
    restriction = CollectionViewRestriction.objects.create(
        collection=closed, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([group])
    document = pages.document(title="Kế hoạch nội bộ")
    document.collection = closed
    document.save()
    member = UserFactory()
    member.groups.add(group)
    return document, member


def test_a_public_document_is_sent_by_the_proxy(documents_by_the_proxy):
    document = pages.document()
    status, headers, body = answer(documents_by_the_proxy + document.url)
    assert (status, body) == (200, stored(document.file))
    assert "X-Accel-Redirect" not in headers
    assert headers["Content-Type"] == "application/pdf"
    assert headers["Content-Disposition"].startswith("inline")  # a PDF opens in the browser
    assert "Content-Encoding" not in headers


def test_a_restricted_document_is_sent_from_the_private_location_to_a_member(documents_by_the_proxy):
    document, member = restricted_document()
    assert document.file.name.startswith("documents/p_")
    status, headers, body = answer(documents_by_the_proxy + document.url, session_cookie(member))
    assert (status, body) == (200, stored(document.file))
    assert headers["Cache-Control"].startswith("private")
    assert "X-Accel-Redirect" not in headers
    assert "Content-Encoding" not in headers


def test_a_restricted_document_asks_the_anonymous_to_sign_in(documents_by_the_proxy):
    document, _member = restricted_document()
    status, headers, _body = answer(documents_by_the_proxy + document.url)
    assert status == 302 and "login" in headers["Location"]
    assert answer(f"{documents_by_the_proxy}/_private/{document.file.name}")[0] == 404


def test_a_document_stored_before_the_random_names_is_sent_by_the_proxy(documents_by_the_proxy):
    """A public file not yet renamed by place_files keeps its upload's name: spaces,
    Vietnamese letters, characters that mean something in an address."""
    document = pages.document()
    with document.file.open("rb") as source:
        legacy = storages["public"].save("documents/Tờ rơi tháng 3 #2 (100%).pdf", source)
    type(document).objects.filter(pk=document.pk).update(file=legacy)
    document.refresh_from_db()
    status, _headers, body = answer(documents_by_the_proxy + document.url)
    assert (status, body) == (200, stored(document.file))
