"""Exports: safe to open in a spreadsheet, and they import back to the same data."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from access.roles import TRAINERS
from campaigns.models import Activity
from campaigns.resources.activities import ActivityResource
from core.cells import escape_formula, normalise
from places.models import Place
from tests.factories import SON_LA, THANH_HOA, ActivityFactory, son_la_commune, staff
from transfers.service import export_file, run_import

pytestmark = pytest.mark.usefixtures("vocabulary")

HOSTILE = [
    "=1+1",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=cmd",
    "\r=cmd",
    '=HYPERLINK("http://x")',
    "＝1+1",
    " =1+1",
    "\n=1+1",
    "＠SUM(A1)",
]


def export(fmt: str, queryset=None, user=None) -> bytes:
    out = io.BytesIO()
    export_file(ActivityResource, queryset or Activity.objects.all(), fmt, out, user=user)
    return out.getvalue()


@pytest.mark.parametrize("value", HOSTILE)
def test_cells_that_would_run_as_formulas_are_escaped(value):
    assert escape_formula(value) == "'" + value
    assert normalise("'" + value) == value.strip() or normalise("'" + value) == value


def test_hostile_titles_are_escaped_in_csv_and_xlsx():
    for value in HOSTILE:
        ActivityFactory(title=value, notes=value)
    rows = list(csv.reader(io.StringIO(export("csv").decode("utf-8-sig"))))
    titles = [row[2] for row in rows[1:]]
    assert all(title.startswith("'") for title in titles), titles
    sheet = load_workbook(io.BytesIO(export("xlsx"))).active
    for row in sheet.iter_rows(min_row=2):
        assert row[2].data_type == "s" and row[2].value.startswith("'")


def test_plain_values_are_not_escaped():
    ActivityFactory(title="Truyền thông", participants=45)
    rows = list(csv.reader(io.StringIO(export("csv").decode("utf-8-sig"))))
    assert rows[1][2] == "Truyền thông" and rows[1][12] == "45"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_imports_back_to_the_same_data(fmt, vocabulary):
    old_district = Place.objects.get(is_current=False, level="district", name="Huyện Mường Lát")
    first = ActivityFactory(
        title="=Hội thi", participants=2890, female=1500, campaign=vocabulary["campaign"], notes="-tự do"
    )
    first.organisers.set([vocabulary["organiser"]])
    first.save()
    ActivityFactory(kind="training", place=old_district, start_date=datetime.date(2019, 5, 2), sessions=30,
                    end_date=datetime.date(2019, 12, 1), external_id="MLAT-2019")  # fmt: skip
    fields = ["kind", "title", "start_date", "end_date", "sessions", "place_id", "campaign_id", "participants",
              "female", "notes", "external_id"]  # fmt: skip
    before = list(Activity.objects.order_by("pk").values(*fields))
    file = export(fmt)
    report = run_import(ActivityResource, io.BytesIO(file), name=f"x.{fmt}")
    assert report.ok, report.errors
    assert (report.created, report.updated, report.skipped) == (0, 0, 2), report.changes
    assert list(Activity.objects.order_by("pk").values(*fields)) == before
    assert list(first.organisers.all()) == [vocabulary["organiser"]]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_into_an_empty_database_creates_the_same_records(fmt):
    ActivityFactory(external_id="A-1", title="@Truyền thông", participants=15000, notes="+1")
    fields = ["kind", "title", "start_date", "sessions", "place_id", "participants", "notes", "external_id"]
    before = list(Activity.objects.values(*fields))
    file = export(fmt)
    Activity.objects.all().delete()
    report = run_import(ActivityResource, io.BytesIO(file), name=f"x.{fmt}")
    assert report.created == 1, report.errors
    assert list(Activity.objects.values(*fields)) == before


def test_export_contains_only_the_users_provinces():
    ActivityFactory(title="Thanh Hóa")
    ActivityFactory(title="Sơn La", place=son_la_commune())
    rows = list(csv.reader(io.StringIO(export("csv", user=staff(TRAINERS, SON_LA)).decode("utf-8-sig"))))
    assert [row[2] for row in rows[1:]] == ["Sơn La"]
    rows = list(csv.reader(io.StringIO(export("csv", user=staff(TRAINERS, THANH_HOA)).decode("utf-8-sig"))))
    assert [row[2] for row in rows[1:]] == ["Thanh Hóa"]
