"""The transfers app's settings (imports and exports), each read with its default.

- `IMPORTS_INLINE_ROWS` (2,000): files with more rows are checked and imported by the
  background worker, the smaller ones in the request.
- `IMPORTS_MAX_UPLOAD_SIZE` (60 MB): the largest file an import screen accepts.
- `IMPORTS_MAX_XLSX_EXPANDED` (200 MB): what an XLSX upload (a zip archive) may expand to,
  checked from its zip directory before it is unpacked.
- `IMPORTS_JOB_TIMEOUT` (two hours, in seconds): a job checking or importing for longer has
  lost its worker and is stopped.
- `STORAGES["imports"]`: where uploads wait until their job ends, a place nothing serves
  (sign-in lists are personal data). Without it, a folder: `IMPORTS_ROOT`, by default
  `var/imports/` in the project's `BASE_DIR` (or the working folder).
- `TASKS["imports"]`: the task backend of large imports (`db_worker --backend imports`).
  Without it, the project's default backend runs them.
"""

from pathlib import Path

from django.core.files.storage import FileSystemStorage, Storage, storages

from core.conf import setting

DEFAULT_INLINE_ROWS = 2000
DEFAULT_MAX_UPLOAD_SIZE = 60 * 1024 * 1024
DEFAULT_MAX_XLSX_EXPANDED = 200 * 1024 * 1024
DEFAULT_JOB_TIMEOUT = 2 * 3600
STORAGE_ALIAS = "imports"
TASK_BACKEND_ALIAS = "imports"


def inline_rows() -> int:
    """Rows above which a file is imported in the background."""
    return setting("IMPORTS_INLINE_ROWS", DEFAULT_INLINE_ROWS)


def max_upload_size() -> int:
    """The largest upload, in bytes."""
    return setting("IMPORTS_MAX_UPLOAD_SIZE", DEFAULT_MAX_UPLOAD_SIZE)


def max_xlsx_expanded() -> int:
    """What an XLSX archive may expand to, in bytes."""
    return setting("IMPORTS_MAX_XLSX_EXPANDED", DEFAULT_MAX_XLSX_EXPANDED)


def job_timeout() -> int:
    """Seconds after which a running job is taken to have lost its worker."""
    return setting("IMPORTS_JOB_TIMEOUT", DEFAULT_JOB_TIMEOUT)


def imports_root() -> Path:
    """The folder of the fallback storage, when the project names no "imports" storage."""
    base = Path(setting("BASE_DIR", Path.cwd()))
    return Path(setting("IMPORTS_ROOT", base / "var" / "imports"))


def storage() -> Storage:
    """The private storage of uploads waiting for their job."""
    if STORAGE_ALIAS in (setting("STORAGES", None) or {}):
        return storages[STORAGE_ALIAS]
    return FileSystemStorage(location=imports_root())


def task_backend() -> str:
    """The task backend alias that runs large imports."""
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS

    return TASK_BACKEND_ALIAS if TASK_BACKEND_ALIAS in (setting("TASKS", None) or {}) else DEFAULT_TASK_BACKEND_ALIAS
