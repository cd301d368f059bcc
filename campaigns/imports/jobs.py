"""Import jobs: the uploaded file kept privately, checked (dry run), then imported on
confirmation, in the request for a small file and by the background worker for a large one.

The web servers and the workers may be different machines. The upload is therefore kept
in the "imports" storage (a private folder, or a private bucket with several machines;
never a public media address), and the progress of a running job in the shared cache:
the import itself runs in one database transaction that other connections cannot see
into until it ends. Progress is only a courtesy: a cache emptied meanwhile shows 0 until
the next chunk is done.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.cache import cache
from django.core.files import File
from django.core.files.storage import Storage, storages
from django.utils import timezone
from django_tasks import task

from campaigns.imports.registry import TRANSFERS
from campaigns.imports.service import ImportReport, run_import
from campaigns.models import ImportJob

logger = logging.getLogger(__name__)
PROGRESS_SECONDS = 24 * 3600


def storage() -> Storage:
    return storages["imports"]


def open_upload(job: ImportJob) -> File:
    return storage().open(job.stored_as, "rb")


def upload_exists(job: ImportJob) -> bool:
    return bool(job.stored_as) and storage().exists(job.stored_as)


def _progress_key(job: ImportJob) -> str:
    return f"imports:job:{job.pk}:rows"


def estimate_rows(job: ImportJob) -> int:
    """Rows in the file, roughly (header and blank rows aside): lines of a CSV, rows of an XLSX sheet."""
    with open_upload(job) as file:
        if file.read(4) == b"PK\x03\x04":
            from campaigns.imports.xlsx import count_rows

            file.seek(0)
            return max(count_rows(file) - 1, 0)
        file.seek(0)
        return max(sum(chunk.count(b"\n") for chunk in iter(lambda: file.read(1 << 20), b"")) - 1, 0)


def create_job(transfer: str, user, upload) -> ImportJob:
    job = ImportJob.objects.create(transfer=transfer, user=user, file_name=upload.name[:255], size=upload.size)
    # Named by the job's number only: the file's own name may say whose list it is.
    job.stored_as = storage().save(f"{job.pk}.upload", upload)
    job.estimated_rows = estimate_rows(job)
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
    with translation.override(language), open_upload(job) as file:
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
    if job.stored_as:
        storage().delete(job.stored_as)
    try:
        cache.delete(_progress_key(job))
    except Exception:  # the cache is a courtesy here
        logger.warning("Import job %s: progress not cleared from the cache", job.pk)


def write_progress(job: ImportJob, rows: int) -> None:
    try:
        cache.set(_progress_key(job), rows, PROGRESS_SECONDS)
    except Exception:  # an unreachable cache must not stop an import
        logger.warning("Import job %s: progress not written to the cache", job.pk)


def read_progress(job: ImportJob) -> int:
    try:
        return int(cache.get(_progress_key(job)) or 0)
    except Exception:
        return 0
