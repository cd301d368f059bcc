"""An import that fails at any chunk leaves the database exactly as it was: no record
created, none changed, no link and no audit-log entry — in the request and in the
background job alike, on SQLite and on PostgreSQL."""

import uuid
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError
from django.test import override_settings
from django.urls import reverse
from wagtail.models import ModelLogEntry

from access.roles import TRAINERS
from campaigns.models import Activity
from campaigns.models.activities import ActivityQuerySet
from campaigns.resources.activities import ActivityResource
from tests.factories import THANH_HOA, staff
from tests.transfers.conftest import csv_file
from transfers import jobs
from transfers.models import ImportJob
from transfers.service import run_import

pytestmark = pytest.mark.usefixtures("vocabulary")

ROW = "TH-{n},Buổi truyền thông,Truyền thông {n},01/08/2025,,1,Thanh Hóa,,Na Mèo,,Hội LHPN Thanh Hóa,,{p},10,,"


def rows(count: int, *, first_participants: int = 45) -> list[str]:
    return [ROW.format(n=n, p=first_participants if n == 1 else 45) for n in range(1, count + 1)]


def state() -> dict:
    """Everything an import may write."""
    existing = Activity.objects.get(external_id="TH-1")
    return {
        "activities": Activity.objects.count(),
        "TH-1": (existing.participants, existing.updated_at, existing.title),
        "organiser links": Activity.organisers.through.objects.count(),
        "log entries": ModelLogEntry.objects.count(),
    }


@pytest.fixture
def before():
    """TH-1 exists (imported, so audited); a later file changes it in its first chunk."""
    assert run_import(ActivityResource, csv_file(*rows(1)), name="a.csv").created == 1
    return state()


def failing_bulk_create(on_call: int):
    """bulk_create of activities that refuses its `on_call`-th call, as a database would."""
    original = ActivityQuerySet.bulk_create
    calls = []

    def bulk_create(queryset, objects, *args, **kwargs):
        calls.append(len(objects))
        if len(calls) == on_call:
            raise DatabaseError("disk full")
        return original(queryset, objects, *args, **kwargs)

    return mock.patch.object(ActivityQuerySet, "bulk_create", bulk_create), calls


@pytest.mark.parametrize("failing_chunk", [2, 3])
def test_a_write_failing_in_a_later_chunk_leaves_everything_as_it_was(before, failing_chunk):
    # Chunks of two rows: TH-1 (changed) and TH-2, then TH-3 and TH-4, then TH-5 and TH-6.
    patch, calls = failing_bulk_create(on_call=failing_chunk)
    with patch:
        report = run_import(ActivityResource, csv_file(*rows(6, first_participants=99)), name="b.csv", chunk_rows=2)
    assert len(calls) == failing_chunk  # the earlier chunks were written, then undone
    assert not report.ok and "disk full" in report.errors[0].message
    assert (report.created, report.updated) == (0, 0)
    assert state() == before


def test_a_database_refusal_in_a_later_chunk_leaves_everything_as_it_was(before):
    # A real constraint of the database, not a model rule: the fourth new activity (TH-5,
    # in the third chunk) gets the phone-form key of TH-1, which is unique per account.
    owner = staff(TRAINERS, THANH_HOA)
    Activity.objects.filter(external_id="TH-1").update(recorded_by=owner)
    taken = Activity.objects.get(external_id="TH-1").client_uuid
    keys = iter([uuid.uuid4() for _ in range(3)] + [taken] + [uuid.uuid4() for _ in range(10)])
    with mock.patch("uuid.uuid4", lambda: next(keys)):
        file = csv_file(*rows(7, first_participants=99))
        report = run_import(ActivityResource, file, name="b.csv", chunk_rows=2, user=owner)
    assert not report.ok and report.errors[0].row is None
    assert state() == before


def test_the_same_file_without_the_failure_is_imported(before):
    report = run_import(ActivityResource, csv_file(*rows(6, first_participants=99)), name="b.csv", chunk_rows=2)
    assert (report.ok, report.created, report.updated) == (True, 5, 1)
    after = state()
    assert after["activities"] == before["activities"] + 5 and after["TH-1"][0] == 99
    assert after["log entries"] == before["log entries"] + 6


@override_settings(IMPORTS_INLINE_ROWS=1)
def test_a_background_import_failing_in_a_later_chunk_leaves_everything_as_it_was(client, before):
    user = staff(TRAINERS, THANH_HOA)
    client.force_login(user)
    upload = client.post(
        reverse("imports:upload", args=["activities"]),
        {"file": SimpleUploadedFile("b.csv", csv_file(*rows(6, first_participants=99)).getvalue())},
    )
    job = ImportJob.objects.get(user=user)
    assert job.in_background and job.status == ImportJob.Status.CHECKED
    patch, calls = failing_bulk_create(on_call=3)
    with patch, mock.patch("transfers.service.CHUNK_ROWS", 2):
        client.post(upload.url, {"action": "confirm"})  # the test settings run the task at once
    job.refresh_from_db()
    assert len(calls) == 3
    assert job.status == ImportJob.Status.REFUSED and "disk full" in job.report["errors"][0]["message"]
    assert state() == before
    assert jobs.read_progress(job) == 0 and not jobs.upload_exists(job)  # nothing of the file is kept
