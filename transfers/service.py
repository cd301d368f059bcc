"""Importing a whole file, all or nothing, and exporting a queryset: what the admin, the
background task and the management commands all call.

A file is read a chunk of rows at a time and each chunk goes through the resource
inside one transaction for the whole file: bulk resources (activities, clubs, campaigns)
check every row with the model's rules and write the chunk in bulk (`import_rows`); the
others save row by row through django-import-export. Any refused row or refused write
rolls everything back, so the database holds either the whole file or nothing of it
(tests/transfers/test_all_or_nothing.py); the report lists every refused row with its row
number, column and message, and the audit log gets one entry per record created or
changed, written in bulk once the whole file has gone through.
"""

from __future__ import annotations

import gc
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import asdict, dataclass, field
from itertools import islice
from typing import BinaryIO

import tablib
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from transfers.base import Change, TransferResource, error_list
from transfers.chunks import ChunkResult
from transfers.files import FileRefused, read_sheet, write_sheet
from transfers.preview import Previewer, RowReading
from transfers.signals import imported

CHUNK_ROWS = 2000
MAX_LISTED_ERRORS = 500
IMPORT_LOG_ACTIONS = {"new": "wagtail.create", "update": "wagtail.edit"}


@dataclass
class RowError:
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        where = _("row %(row)s") % {"row": self.row} if self.row else _("file")
        if self.column:
            where += ", " + _("column “%(column)s”") % {"column": self.column}
        return f"{where}: {self.message}"


@dataclass
class ImportReport:
    """What an import did, or (dry run) would do."""

    dry_run: bool = False
    rows: int = 0
    created: int = 0
    updated: int = 0
    skipped: int = 0
    invalid_rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    refused: str = ""  # the file as a whole could not be read
    readings: list[RowReading] = field(default_factory=list)  # dry run: how the first rows were read
    example_rows: list[int] = field(default_factory=list)  # rows that are the template's example
    warnings: list[RowError] = field(default_factory=list)  # stored all the same, worth a second look

    @property
    def ok(self) -> bool:
        return not self.refused and not self.errors

    @property
    def saved(self) -> bool:
        return self.ok and not self.dry_run

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> ImportReport:
        data = dict(data)
        data["errors"] = [RowError(**item) for item in data.get("errors", [])]
        data["changes"] = [Change(**item) for item in data.get("changes", [])]
        data["readings"] = [RowReading.from_dict(item) for item in data.get("readings", [])]
        data["warnings"] = [RowError(**item) for item in data.get("warnings", [])]
        return cls(**data)


class _Rollback(Exception):
    pass


_collector_lock = threading.Lock()
_collector_users = 0
_collector_thresholds = gc.get_threshold()


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """An import allocates several objects per cell, most of them alive until their chunk is
    written. With the default thresholds the cyclic garbage collector would scan the whole
    process (some 200,000 objects of Django and Wagtail) about a hundred times for 10,000
    rows, for nothing: a quarter of the import's time. Reference counting still frees
    everything as usual; only the search for cycles waits. Imports in other threads share
    the setting, so the first one in sets it and the last one out restores it."""
    global _collector_users, _collector_thresholds
    with _collector_lock:
        if _collector_users == 0:
            _collector_thresholds = gc.get_threshold()
            gc.set_threshold(max(_collector_thresholds[0], 50_000), 20, 20)
        _collector_users += 1
    try:
        yield
    finally:
        with _collector_lock:
            _collector_users -= 1
            if _collector_users == 0:
                gc.set_threshold(*_collector_thresholds)


def _chunks(rows: Iterator[tuple[int, tuple]], size: int) -> Iterator[list[tuple[int, tuple]]]:
    while chunk := list(islice(rows, size)):
        yield chunk


def run_import(
    resource_class: type[TransferResource],
    file: BinaryIO,
    *,
    name: str = "",
    user=None,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
    chunk_rows: int | None = None,
) -> ImportReport:
    """Import a CSV or XLSX file with `resource_class`, all or nothing.

    With `dry_run` nothing is kept: the report says what would be created, updated and
    skipped. `user` (None for the command line) limits the rows to their provinces and
    is named in the audit log. `progress` is told the number of rows done after each chunk.
    """
    with _fewer_collections():
        return _import_file(resource_class, file, name, user, dry_run, progress, chunk_rows or CHUNK_ROWS)


def _import_file(resource_class, file, name, user, dry_run, progress, chunk_rows) -> ImportReport:
    report = ImportReport(dry_run=dry_run)
    try:
        sheet = read_sheet(file, name)
        keys = resource_class.canonical_headers(sheet.headers)
    except FileRefused as refused:
        report.refused = str(refused)
        return report
    resource = resource_class(user=user)
    id_key = resource.import_id_key()
    id_column = resource.column_header(id_key)
    seen_codes: dict[str, int] = {}
    preview = Previewer(resource, keys, read=dry_run)
    # A bulk resource checks every row against the database without writing one, so its dry
    # run needs no transaction: on SQLite a transaction takes the write lock for the whole
    # check, and everyone else saving waits. Resources that save row by row (a row may need
    # the one before) check by writing and rolling back.
    writes = not (dry_run and resource._meta.use_bulk)
    try:
        with transaction.atomic() if writes else nullcontext():
            for chunk in _chunks(sheet.rows, chunk_rows):
                rows = [values[: len(keys)] + (None,) * (len(keys) - len(values)) for _number, values in chunk]
                numbers = [number for number, _values in chunk]
                repeated = _check_codes(keys, id_key, id_column, rows, numbers, seen_codes, report)
                if repeated:  # not written twice: already refused
                    kept = [i for i in range(len(rows)) if i not in repeated]
                    report.rows += len(repeated)
                    rows, numbers = [rows[i] for i in kept], [numbers[i] for i in kept]
                    if not rows:
                        continue
                resource.row_numbers = numbers
                result = _import_chunk(resource, keys, rows, write=writes and not report.errors)
                _collect(result, resource, numbers, report)
                preview.note(rows, numbers)
                report.rows += len(rows)
                if progress:
                    progress(report.rows)
            report.changes = resource.changes
            report.readings, report.example_rows = preview.readings, preview.example_rows
            report.warnings = [RowError(*warning) for warning in resource.warnings]
            if report.errors or report.refused or dry_run:
                raise _Rollback
            _log(resource, user)
            imported.send(sender=resource._meta.model, report=report, user=user)
    except _Rollback:
        pass
    except FileRefused as refused:
        report.refused = str(refused)
    if report.errors and not dry_run:
        report.created = report.updated = 0
    return report


def _check_codes(keys, id_key, id_column, rows, numbers, seen, report) -> set[int]:
    """The same code twice in a file would write the same record twice: refused."""
    repeated: set[int] = set()
    if id_key not in keys:
        return repeated
    index = keys.index(id_key)
    for position, (number, values) in enumerate(zip(numbers, rows, strict=True)):
        code = values[index]
        if code in (None, ""):
            continue
        code = str(code)
        if code in seen:
            report.errors.append(RowError(number, id_column, _("The same code as row %(row)s.") % {"row": seen[code]}))
            report.invalid_rows += 1
            repeated.add(position)
        else:
            seen[code] = number
    return repeated


def _import_chunk(resource: TransferResource, keys: list[str], rows: list[tuple], *, write: bool) -> ChunkResult:
    """Bulk resources import a chunk in one pass (`import_rows`); the others, which save row
    by row because a row may depend on the one before, through django-import-export."""
    if resource._meta.use_bulk:
        return resource.import_rows(keys, rows, write=write)
    result = resource.import_data(tablib.Dataset(*rows, headers=keys), dry_run=False, use_transactions=True)
    return ChunkResult.from_import_export(result)


def _collect(result: ChunkResult, resource: TransferResource, numbers: list[int], report: ImportReport) -> None:
    report.created += result.totals["new"]
    report.updated += result.totals["update"]
    report.skipped += result.totals["skip"]
    report.invalid_rows += len(result.invalid) + len({index for index, _error in result.errors if index})

    def add(error: RowError) -> None:
        if len(report.errors) < MAX_LISTED_ERRORS:
            report.errors.append(error)

    for index, error in result.invalid:
        number = numbers[index - 1]
        for key, messages in error_list(error).items():
            column = "" if key == NON_FIELD_ERRORS else resource.column_header(key) or key
            for message in messages:
                add(RowError(number, column, message))
    for index, error in result.errors:
        add(RowError(numbers[index - 1] if index else None, "", str(error)))
    if len(report.errors) >= MAX_LISTED_ERRORS and report.invalid_rows > MAX_LISTED_ERRORS:
        report.errors[-1] = RowError(None, "", _("…and more rows refused; the first ones are listed."))


def _log(resource: TransferResource, user) -> None:
    """One audit-log entry per record created or changed, as the admin forms write, in bulk.

    Records of personal data are logged by number, never by name.
    """
    if resource.logs_own_writes:
        if hasattr(resource, "log_extra"):
            resource.log_extra(user)
        return
    model = resource._meta.model
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    shared_uuid = uuid.uuid4()
    now = timezone.now()
    user_id = user.pk if user is not None else None
    entries = [
        ModelLogEntry(
            content_type_id=content_type.pk,
            object_id=str(pk),
            label=label,
            action=action,
            data={"source": "import"},
            timestamp=now,
            uuid=shared_uuid,
            user_id=user_id,
            content_changed=True,
        )
        for action, records in (("wagtail.create", resource.created), ("wagtail.edit", resource.updated))
        for pk, label in records
    ]
    ModelLogEntry.objects.bulk_create(entries, batch_size=1000)
    if hasattr(resource, "log_extra"):  # entries on linked records (an activity's sign-in list)
        resource.log_extra(user)


def export_file(
    resource_class: type[TransferResource], queryset, fmt: str, out: BinaryIO, *, user=None, **resource_attributes
) -> int:
    """Write `queryset` (already filtered and scoped by the caller) as CSV or XLSX; returns the
    row count. `resource_attributes` are set on the resource (the activity of a sign-in list)."""
    resource = resource_class(user=user)
    for name, value in resource_attributes.items():
        setattr(resource, name, value)
    queryset = resource.scope_queryset(queryset)
    if hasattr(resource, "export_queryset"):
        queryset = resource.export_queryset(queryset)
    count = 0

    def rows():
        nonlocal count
        for instance in queryset.iterator(chunk_size=2000):
            count += 1
            yield resource.export_values(instance)

    write_sheet(fmt, resource.get_export_headers(), rows(), out, title=str(model_title(resource)))
    return count


def model_title(resource: TransferResource) -> str:
    return str(resource._meta.model._meta.verbose_name_plural).capitalize()
