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

import datetime
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.files import File
from django.core.files.storage import Storage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from transfers import conf
from transfers.files import FileRefused, check_xlsx_archive
from transfers.models import ImportJob
from transfers.registry import TRANSFERS
from transfers.service import ImportReport, run_import

logger = logging.getLogger(__name__)
PROGRESS_SECONDS = 24 * 3600


def storage() -> Storage:
    return conf.storage()


def open_upload(job: ImportJob) -> File:
    return storage().open(job.stored_as, "rb")


def upload_exists(job: ImportJob) -> bool:
    return bool(job.stored_as) and storage().exists(job.stored_as)


def _progress_key(job: ImportJob) -> str:
    return f"imports:job:{job.pk}:rows"


def _cancel_key(job: ImportJob) -> str:
    return f"imports:job:{job.pk}:cancel"


def estimate_rows(job: ImportJob) -> int:
    """Rows in the file, roughly (header and blank rows aside): lines of a CSV, rows of an XLSX sheet.

    An XLSX archive that would expand too far is refused (FileRefused) before a byte is unpacked."""
    with open_upload(job) as file:
        if file.read(4) == b"PK\x03\x04":
            from transfers.files import max_xlsx_expanded
            from transfers.xlsx import count_rows

            file.seek(0)
            check_xlsx_archive(file, job.file_name)
            return max(count_rows(file, max_xlsx_expanded()) - 1, 0)
        file.seek(0)
        return max(sum(chunk.count(b"\n") for chunk in iter(lambda: file.read(1 << 20), b"")) - 1, 0)


def create_job(transfer: str, user, upload) -> ImportJob:
    job = ImportJob.objects.create(transfer=transfer, user=user, file_name=upload.name[:255], size=upload.size)
    # Named by the job's number only: the file's own name may say whose list it is.
    job.stored_as = storage().save(f"{job.pk}.upload", upload)
    job.save(update_fields=["stored_as"])
    try:
        job.estimated_rows = estimate_rows(job)
    except FileRefused as refused:
        _stop(job, ImportJob.Status.REFUSED, str(refused))
        return job
    job.in_background = job.estimated_rows > conf.inline_rows()
    job.save(update_fields=["estimated_rows", "in_background"])
    return job


def start(job: ImportJob, *, confirm: bool) -> None:
    """Check (confirm=False) or import (confirm=True) the job's file, now or in the background."""
    if not job.running and job.status != ImportJob.Status.CHECKED:
        return  # refused on upload, or cancelled meanwhile
    job.status = ImportJob.Status.IMPORTING if confirm else ImportJob.Status.CHECKING
    job.started_at = timezone.now()
    job.save(update_fields=["status", "started_at"])
    write_progress(job, 0)
    if job.in_background:
        process_job.using(backend=conf.task_backend()).enqueue(job.pk, confirm)
    else:
        process(job, confirm=confirm)


# The backend is chosen when the job is queued (transfers.conf): "imports" where the project has it.
@task()
def process_job(job_id: int, confirm: bool) -> None:
    recover_stale_jobs()  # a worker killed midway left its jobs running: the next one ends them
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is not None and job.status in (ImportJob.Status.CHECKING, ImportJob.Status.IMPORTING):
        process(job, confirm=confirm)


class Cancelled(Exception):
    """The user cancelled the job while it ran."""


def _progress(job: ImportJob, rows: int) -> None:
    write_progress(job, rows)
    try:
        cancelled = cache.get(_cancel_key(job))
    except Exception:
        cancelled = False
    if cancelled:
        raise Cancelled


def process(job: ImportJob, *, confirm: bool) -> ImportReport:
    from django.utils import translation

    transfer = TRANSFERS[job.transfer]
    language = job.report.get("language") or translation.get_language() or settings.LANGUAGE_CODE
    try:
        with translation.override(language), open_upload(job) as file:
            report = run_import(
                transfer.resource,
                file,
                name=job.file_name,
                user=job.user,
                dry_run=not confirm,
                progress=lambda rows: _progress(job, rows),
            )
    except Cancelled:  # everything rolled back
        _stop(job, ImportJob.Status.CANCELLED, _("Cancelled: nothing was imported."))
        return ImportReport.from_dict({k: v for k, v in job.report.items() if k != "language"})
    except Exception:
        # Whatever went wrong, the job must not stay "checking" with its file kept.
        logger.exception("Import job %s failed", job.pk)
        _stop(job, ImportJob.Status.REFUSED, _("The file could not be read to the end: nothing was imported."))
        return ImportReport.from_dict({k: v for k, v in job.report.items() if k != "language"})
    job.report = {**report.as_dict(), "language": language}
    if report.refused or report.errors:
        job.status = ImportJob.Status.REFUSED
    else:
        job.status = ImportJob.Status.DONE if confirm else ImportJob.Status.CHECKED
    if job.status != ImportJob.Status.CHECKED:
        finish(job)
    job.save(update_fields=["report", "status", "finished_at"])
    return report


def _stop(job: ImportJob, status: str, message: str) -> None:
    """End the job with `message` as the whole file's answer, and remove its file."""
    job.status = status
    job.report = {**ImportReport(refused=message).as_dict(), "language": job.report.get("language", "")}
    finish(job)
    job.save(update_fields=["status", "report", "finished_at"])


def cancel(job: ImportJob) -> None:
    """Stop the job for its user: a running import rolls back at its next chunk."""
    try:
        cache.set(_cancel_key(job), True, PROGRESS_SECONDS)
    except Exception:
        logger.warning("Import job %s: cancel not written to the cache", job.pk)
    _stop(job, ImportJob.Status.CANCELLED, _("Cancelled: nothing was imported."))


def recover_stale_jobs(now: datetime.datetime | None = None) -> int:
    """Jobs still checking or importing after IMPORTS_JOB_TIMEOUT lost their worker: they are
    ended as refused and their files removed. Returns how many."""
    limit = (now or timezone.now()) - datetime.timedelta(seconds=conf.job_timeout())
    running = [ImportJob.Status.QUEUED, ImportJob.Status.CHECKING, ImportJob.Status.IMPORTING]
    stale = ImportJob.objects.filter(status__in=running).filter(
        models.Q(started_at__lt=limit) | models.Q(started_at__isnull=True, created_at__lt=limit)
    )
    count = 0
    for job in stale:
        _stop(job, ImportJob.Status.REFUSED, _("The import stopped without finishing: nothing was imported."))
        count += 1
    return count


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
