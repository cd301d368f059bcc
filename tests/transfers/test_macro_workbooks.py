"""A workbook carrying macros (vbaProject.bin), links to other files (externalLinks) or other
active content is refused before a cell is read, naming the file and what it carries: its
numbers may come from somewhere the person importing never saw."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from access.roles import TRAINERS
from campaigns.models import Activity
from tests.factories import THANH_HOA, staff
from tests.transfers.conftest import HEADER
from tests.transfers.test_activities_import import ROW, run
from transfers import jobs
from transfers.models import ImportJob

pytestmark = pytest.mark.usefixtures("vocabulary")


def workbook(*extra_parts: str) -> bytes:
    book = Workbook()
    book.active.append(HEADER.split(","))
    book.active.append(ROW.split(","))
    plain = io.BytesIO()
    book.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, source.read(item.filename))
        for part in extra_parts:
            target.writestr(part, b"\xd0\xcf\x11\xe0" + b"\0" * 64)
    return out.getvalue()


@pytest.mark.parametrize(
    ("parts", "named"),
    [
        (("xl/vbaProject.bin",), "vbaProject.bin"),
        (("xl/externalLinks/externalLink1.xml",), "externalLink1.xml"),
        (("xl/vbaProject.bin", "xl/externalLinks/externalLink1.xml"), "vbaProject.bin"),
        (("xl/activeX/activeX1.bin",), "activeX1.bin"),
        (("xl/embeddings/oleObject1.bin",), "oleObject1.bin"),
    ],
)
def test_a_workbook_with_active_content_is_refused_naming_the_file(parts, named):
    report = run(io.BytesIO(workbook(*parts)), name="bao-cao-quy-3.xlsx")
    assert not report.ok
    assert "bao-cao-quy-3.xlsx" in report.refused
    assert named in report.refused
    assert "macro" in report.refused
    assert not Activity.objects.exists()


def test_a_plain_workbook_still_imports():
    report = run(io.BytesIO(workbook()), name="bao-cao-quy-3.xlsx")
    assert report.saved, (report.refused, report.errors)
    assert Activity.objects.count() == 1


@pytest.mark.django_db
def test_an_uploaded_macro_workbook_ends_its_job_refused():
    upload = SimpleUploadedFile("bao-cao-quy-3.xlsx", workbook("xl/vbaProject.bin"))
    job = jobs.create_job("activities", staff(TRAINERS, THANH_HOA), upload)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.REFUSED
    assert "bao-cao-quy-3.xlsx" in job.report["refused"]
    assert "vbaProject.bin" in job.report["refused"]
    assert not jobs.storage().exists(job.stored_as)
