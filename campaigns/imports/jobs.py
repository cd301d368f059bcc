"""Import jobs: the uploaded file kept privately, checked (dry run), then imported on
confirmation, in the request for a small file and by the background worker for a large one.

Progress is written to a small file beside the upload, because the import itself runs
in one database transaction that other connections cannot see into until it ends.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from campaigns.imports.registry import TRANSFERS
from campaigns.imports.service import ImportReport, run_import
from campaigns.models import ImportJob


def _root() -> Path:
    root = Path(settings.IMPORTS_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    return root


def upload_path(job: ImportJob) -> Path:
    return _root() / job.stored_as


def progress_path(job: ImportJob) -> Path:
    return _root() / f"{job.pk}.progress"


def estimate_rows(path: Path) -> int:
    """Rows in the file, roughly: lines of a CSV, the sheet's stated size for an XLSX."""
    with path.open("rb") as file:
        if file.read(4) == b"PK\x03\x04":
            from openpyxl import load_workbook

            file.seek(0)
            try:
                book = load_workbook(file, read_only=True)
                rows = book.worksheets[0].max_row or 0
                book.close()
                return max(rows - 1, 0)
            except Exception:
                return 0
        file.seek(0)
        return max(sum(chunk.count(b"\n") for chunk in iter(lambda: file.read(1 << 20), b"")) - 1, 0)


def create_job(transfer: str, user, upload) -> ImportJob:
    job = ImportJob.objects.create(transfer=transfer, user=user, file_name=upload.name[:255], size=upload.size)
    job.stored_as = f"{job.pk}.upload"
    with upload_path(job).open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    job.estimated_rows = estimate_rows(upload_path(job))
    job.in_background = job.estimated_rows > settings.IMPORTS_INLINE_ROWS
    job.save(update_fields=["stored_as", "estimated_rows", "in_background"])
    return job


def start(job: ImportJob, *, confirm: bool) -> None:
    """Check (confirm=False) or import (confirm=True) the job's file, now or in the background."""
    job.status = ImportJob.Status.IMPORTING if confirm else ImportJob.Status.CHECKING
    job.save(update_fields=["status"])
    write_progress(job, 0)
    if job.in_background:
        process_job.enqueue(job.pk, confirm)
    else:
        process(job, confirm=confirm)


@task(backend="imports")
def process_job(job_id: int, confirm: bool) -> None:
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is not None and job.status in (ImportJob.Status.CHECKING, ImportJob.Status.IMPORTING):
        process(job, confirm=confirm)


def process(job: ImportJob, *, confirm: bool) -> ImportReport:
    from django.utils import translation

    transfer = TRANSFERS[job.transfer]
    language = job.report.get("language") or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language), upload_path(job).open("rb") as file:
        report = run_import(
            transfer.resource,
            file,
            name=job.file_name,
            user=job.user,
            dry_run=not confirm,
            progress=lambda rows: write_progress(job, rows),
        )
    job.report = {**report.as_dict(), "language": language}
    if report.refused or report.errors:
        job.status = ImportJob.Status.REFUSED
    else:
        job.status = ImportJob.Status.DONE if confirm else ImportJob.Status.CHECKED
    if job.status != ImportJob.Status.CHECKED:
        finish(job)
    job.save(update_fields=["report", "status", "finished_at"])
    return report


def finish(job: ImportJob) -> None:
    """The job is over: its file (maybe personal data) is removed."""
    job.finished_at = timezone.now()
    for path in (upload_path(job), progress_path(job)):
        path.unlink(missing_ok=True)


def write_progress(job: ImportJob, rows: int) -> None:
    progress_path(job).write_text(json.dumps({"rows": rows}))


def read_progress(job: ImportJob) -> int:
    try:
        return json.loads(progress_path(job).read_text())["rows"]
    except (OSError, ValueError, KeyError):
        return 0
