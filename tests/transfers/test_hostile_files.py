"""Crafted files get a clear refusal, bounded in memory and bytes read, and leave no job behind."""

import datetime
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from access.roles import TRAINERS
from tests.factories import THANH_HOA, staff
from tests.transfers.conftest import HEADER, csv_file
from transfers import jobs
from transfers.models import ImportJob
from transfers.xlsx import TooLarge, iter_first_sheet

PROJECT = Path(__file__).resolve().parents[2]
SHEET = "xl/worksheets/sheet1.xml"


def workbook(rows=(("Mã", "Tên"), ("TH-1", "Lớp một"))) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_sheet(data: bytes, change) -> bytes:
    """The workbook with its first sheet's XML passed through `change`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            target.writestr(item.filename, change(content) if item.filename == SHEET else content)
    return out.getvalue()


HOSTILE_REFERENCES = {
    "column": lambda xml: xml.replace(b'r="B2"', b'r="ZZZZZZZ2"'),
    "row": lambda xml: xml.replace(b'<row r="2"', b'<row r="2000000000"'),
    "back_and_forth": lambda xml: xml.replace(
        b"</sheetData>", b'<row r="1000000"/><row r="3"/>' * 200 + b"</sheetData>"
    ),
}

# Run in a child process whose address space is capped: the old reader built billions of
# cells or rows from one reference, which here ends in MemoryError instead of a stuck machine.
CHILD = """
import io, json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, 1536 * 1024 * 1024))
import django
django.setup()
from transfers.files import FileRefused, read_sheet
answers = {}
for name, path in json.loads(sys.argv[1]).items():
    try:
        with open(path, "rb") as file:
            sheet = read_sheet(file, "hostile.xlsx")
            rows = sum(1 for _ in sheet.rows)
        answers[name] = "read %d rows" % rows
    except FileRefused as refused:
        answers[name] = "refused: " + str(refused)
    except MemoryError:
        answers[name] = "MemoryError"
print(json.dumps(answers))
"""


def test_references_past_a_spreadsheets_limits_are_refused_naming_file_row_and_column(tmp_path):
    files = {}
    for name, change in HOSTILE_REFERENCES.items():
        path = tmp_path / f"{name}.xlsx"
        path.write_bytes(with_sheet(workbook(), change))
        assert path.stat().st_size < 20_000
        files[name] = str(path)
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "DJANGO_LANGUAGE": "en"}
    finished = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(files)],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr[-2000:]
    answers = json.loads(finished.stdout.strip().splitlines()[-1])
    assert answers["column"].startswith("refused: hostile.xlsx, dòng 2, cột ZZZZZZZ2:"), answers
    assert answers["row"].startswith("refused: hostile.xlsx, dòng 2000000000, cột A:"), answers
    assert answers["back_and_forth"] == "read 1 rows", answers  # header + 1 row; blank rows skipped


def test_reading_stops_once_the_expanded_bytes_pass_the_limit():
    """The zip's own sizes are written by whoever made the file: the reader counts what comes out."""
    data = workbook([("Mã", "Tên")] + [(f"TH-{i}", "x" * 50) for i in range(3000)])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.getinfo(SHEET).file_size > 100_000
    with pytest.raises(TooLarge):
        list(iter_first_sheet(io.BytesIO(data), max_expanded=50_000))


@pytest.mark.django_db
def test_a_zip_bomb_is_refused_from_the_central_directory_before_its_sheet_is_unpacked(
    settings, monkeypatch, vocabulary
):
    settings.IMPORTS_MAX_XLSX_EXPANDED = 1024 * 1024
    bomb = with_sheet(workbook(), lambda xml: xml.replace(b"</sheetData>", b" " * 3_000_000 + b"</sheetData>"))
    assert len(bomb) < 30_000
    opened = []
    real_open = zipfile.ZipFile.open

    def spying_open(self, name, *args, **kwargs):
        opened.append(getattr(name, "filename", name))
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spying_open)
    user = staff(TRAINERS, THANH_HOA)
    job = jobs.create_job("activities", user, SimpleUploadedFile("bom.xlsx", bomb))
    jobs.start(job, confirm=False)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.REFUSED
    assert job.report["refused"] == "Bảng tính quá lớn khi giải nén."
    assert SHEET not in opened
    assert not jobs.storage().exists(job.stored_as)


@pytest.mark.django_db
def test_a_csv_cell_past_the_csv_modules_limit_is_refused_and_the_job_ends(vocabulary):
    user = staff(TRAINERS, THANH_HOA)
    content = csv_file("TH-1,training," + "x" * 131_073).getvalue()
    job = jobs.create_job("activities", user, SimpleUploadedFile("dai.csv", content))
    jobs.start(job, confirm=False)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.REFUSED
    assert job.report["refused"] == "Dòng 2: một ô quá dài hoặc có dấu ngoặc kép chưa đóng."
    assert job.finished_at is not None
    assert not jobs.storage().exists(job.stored_as)


def running_job(user, status=ImportJob.Status.IMPORTING, started_hours_ago=0) -> ImportJob:
    job = ImportJob.objects.create(transfer="activities", user=user, file_name="x.csv", status=status)
    job.stored_as = jobs.storage().save(f"{job.pk}.upload", ContentFile((HEADER + "\n").encode()))
    job.started_at = timezone.now() - datetime.timedelta(hours=started_hours_ago)
    job.save()
    return job


@pytest.mark.django_db
def test_jobs_left_running_by_a_killed_worker_are_ended_and_their_files_removed(settings):
    settings.IMPORTS_JOB_TIMEOUT = 3600
    user = staff(TRAINERS, THANH_HOA)
    stale = running_job(user, started_hours_ago=3)
    stale_check = running_job(user, ImportJob.Status.CHECKING, started_hours_ago=2)
    fresh = running_job(user)
    call_command("recover_imports", stdout=io.StringIO())
    for job in (stale, stale_check, fresh):
        job.refresh_from_db()
    assert [stale.status, stale_check.status] == [ImportJob.Status.REFUSED] * 2
    assert "dừng giữa chừng" in stale.report["refused"]
    assert not jobs.storage().exists(stale.stored_as)
    assert fresh.status == ImportJob.Status.IMPORTING
    assert jobs.storage().exists(fresh.stored_as)


@pytest.mark.django_db
def test_the_user_who_started_a_running_job_can_cancel_it(client, vocabulary):
    user = staff(TRAINERS, THANH_HOA)
    job = running_job(user)
    url = reverse("imports:job", args=["activities", job.pk])
    client.force_login(staff(TRAINERS, THANH_HOA))
    assert client.post(url, {"action": "cancel"}).status_code == 404
    client.force_login(user)
    assert 'value="cancel"' in client.get(url).content.decode()
    client.post(url, {"action": "cancel"})
    job.refresh_from_db()
    assert job.status == ImportJob.Status.CANCELLED
    assert not jobs.storage().exists(job.stored_as)


@pytest.mark.django_db
def test_a_worker_stops_at_its_next_chunk_once_the_job_is_cancelled(vocabulary):
    from campaigns.models import Activity

    user = staff(TRAINERS, THANH_HOA)
    row = "TH-{n},Lớp tập huấn,Lớp {n},01/08/2025,,1,Thanh Hóa,,,,,,10,,,"
    content = csv_file(*(row.format(n=n) for n in range(5))).getvalue()
    job = jobs.create_job("activities", user, SimpleUploadedFile("huy.csv", content))
    job.status = ImportJob.Status.IMPORTING
    job.save()
    jobs.cancel(job)  # the flag the worker reads between chunks
    job.status = ImportJob.Status.IMPORTING
    job.stored_as = jobs.storage().save(f"{job.pk}.upload", ContentFile(content))
    job.save()
    jobs.process(job, confirm=True)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.CANCELLED
    assert Activity.objects.count() == 0
