"""Checking a file (the dry run) writes nothing and opens no transaction, so on SQLite it
never holds the write lock that every trainer saving a form needs meanwhile."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from access.roles import TRAINERS
from campaigns.models import Activity
from campaigns.resources.activities import ActivityResource
from tests.factories import THANH_HOA, staff
from tests.transfers.conftest import csv_file
from transfers.service import run_import

pytestmark = pytest.mark.usefixtures("vocabulary")
ROWS = [f"TH-{n},Buổi truyền thông,Truyền thông {n},01/08/2025,,1,Thanh Hóa,,Na Mèo,,,,45,40,," for n in range(30)]
WRITES = ("SAVEPOINT", "BEGIN", "INSERT", "UPDATE", "DELETE")


def statements(context: CaptureQueriesContext) -> list[str]:
    return [query["sql"].lstrip().upper() for query in context.captured_queries]


def test_checking_a_file_writes_nothing_and_takes_no_lock():
    trainer = staff(TRAINERS, THANH_HOA)
    with CaptureQueriesContext(connection) as checking:
        report = run_import(ActivityResource, csv_file(*ROWS), name="a.csv", user=trainer, dry_run=True)
    assert report.ok and report.created == 30
    assert [sql for sql in statements(checking) if sql.startswith(WRITES)] == []
    assert Activity.objects.count() == 0


def test_checking_still_lists_every_refused_row():
    rows = [*ROWS[:3], ROWS[3].replace("45,40", "10,40"), ROWS[4].replace("01/08/2025", "31/02/2025")]
    report = run_import(ActivityResource, csv_file(*rows), name="a.csv", user=staff(TRAINERS, THANH_HOA), dry_run=True)
    assert sorted(error.row for error in report.errors) == [5, 6]


def test_the_import_itself_writes_in_one_transaction():
    with CaptureQueriesContext(connection) as importing:
        report = run_import(ActivityResource, csv_file(*ROWS), name="a.csv", user=staff(TRAINERS, THANH_HOA))
    assert report.ok and Activity.objects.count() == 30
    assert any(sql.startswith("SAVEPOINT") for sql in statements(importing))
