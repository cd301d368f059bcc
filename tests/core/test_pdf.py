"""PDFs fetch the site's own static files and nothing else: no outside address, no file
of the server's disk, whatever the HTML names."""

from __future__ import annotations

import http.server
import threading

import pytest
from django.urls import reverse

from access.roles import TRAINERS
from core.pdf import html_to_pdf, static_only_fetcher
from tests.factories import THANH_HOA, ActivityFactory, staff

BASE = "http://testserver/"


@pytest.fixture
def outside_server():
    """A web server on this machine that counts what it is asked for (a stand-in for the
    cloud metadata address or an internal admin page)."""
    asked: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(b"body { color: red }")

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", asked
    server.shutdown()


def test_a_pdf_asks_no_outside_address_and_reads_no_local_file(outside_server):
    address, asked = outside_server
    html = (
        f'<link rel="stylesheet" href="{address}/style.css"><img src="{address}/latest/meta-data/">'
        '<img src="file:///etc/hostname"><p>Danh sách ký tên</p>'
    )
    pdf = html_to_pdf(html, BASE)
    assert pdf.startswith(b"%PDF")
    assert asked == []
    assert b"/Subtype /Image" not in pdf


def test_a_pdf_embeds_the_sites_own_static_image():
    pdf = html_to_pdf('<img src="/static/trainings/icon-192.png">', BASE)
    assert b"/Subtype /Image" in pdf


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
        "http://testserver/media/original_images/photo.jpg",
        "http://testserver/static/../config/settings/base.py",
        "http://elsewhere.example/static/trainings/icon-192.png",
        "ftp://testserver/static/trainings/icon-192.png",
    ],
)
def test_the_fetcher_refuses_what_is_not_a_static_file_of_the_site(url):
    with pytest.raises(ValueError):
        static_only_fetcher(BASE).fetch(url)


@pytest.fixture
def fetchers_given(monkeypatch):
    """The url_fetcher each WeasyPrint call of the views gets."""
    import weasyprint

    given = []
    real = weasyprint.HTML

    def recording(*args, **kwargs):
        given.append(kwargs.get("url_fetcher"))
        return real(*args, **kwargs)

    monkeypatch.setattr(weasyprint, "HTML", recording)
    return given


def _refuses_outside(fetcher) -> bool:
    try:
        fetcher("http://169.254.169.254/latest/meta-data/")
    except ValueError:
        return True
    return False


def test_the_sign_in_sheet_pdf_fetches_static_files_only(client, places, fetchers_given):
    activity = ActivityFactory(status="planned")
    client.force_login(staff(TRAINERS, THANH_HOA))
    response = client.get(reverse("imports:sign_in_sheet", args=[activity.pk]), {"format": "pdf"})
    assert response.status_code == 200
    assert len(fetchers_given) == 1 and fetchers_given[0] is not None
    assert _refuses_outside(fetchers_given[0])


def test_the_report_pdf_fetches_static_files_only(client, places, superuser, fetchers_given):
    client.force_login(superuser)
    response = client.get("/admin/reports/totals/", {"by": "province", "export": "pdf"})
    assert response.status_code == 200
    assert len(fetchers_given) == 1 and fetchers_given[0] is not None
    assert _refuses_outside(fetchers_given[0])
