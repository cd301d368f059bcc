"""Wagtail's own spreadsheet exports (site history, page reports) escape formulas as ours do:
a page title typed as a formula must reach the spreadsheet as text."""

from __future__ import annotations

import csv
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from tests.factories.cms import ContentPageFactory

TITLES = ['=HYPERLINK("http://example.org/x","bấm vào")', "＝1+1", " =1+1", "@SUM(A1)"]


@pytest.fixture
def hostile_pages(db):
    for number, title in enumerate(TITLES):
        page = ContentPageFactory(title=title, slug=f"trang-{number}")
        page.locked, page.locked_at = True, timezone.now()  # listed by the locked pages report
        page.save(update_fields=["locked", "locked_at"])
    return TITLES


@pytest.mark.parametrize(
    "path", ["/admin/reports/site-history/", "/admin/reports/locked/", "/admin/reports/aging-pages/"]
)
def test_report_csv_exports_hold_no_live_formula(client, superuser, hostile_pages, path):
    client.force_login(superuser)
    response = client.get(path, {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    cells = [cell for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for cell in row]
    live = [cell for cell in cells if cell.lstrip()[:1] in ("=", "+", "@", "＝", "＠")]
    assert live == []
    assert "'" + TITLES[0] in cells  # the report holds the title, as text


def test_site_history_xlsx_export_holds_the_titles_as_text(client, superuser, hostile_pages):
    client.force_login(superuser)
    response = client.get("/admin/reports/site-history/", {"export": "xlsx"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if isinstance(cell, str)]
    assert "'" + TITLES[0] in values
    assert not [value for value in values if value.lstrip()[:1] in ("=", "＝", "@")]
