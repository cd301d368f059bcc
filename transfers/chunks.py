"""A chunk of rows through a bulk resource: each row read and checked, then the chunk written
with one `bulk_create` and one `bulk_update`."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction


@dataclass
class ChunkResult:
    """What a chunk of rows did: counts, and the refused rows by their place in the chunk (from 1)."""

    totals: dict[str, int] = field(default_factory=lambda: {"new": 0, "update": 0, "skip": 0})
    invalid: list[tuple[int, ValidationError]] = field(default_factory=list)
    errors: list[tuple[int | None, Exception]] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.invalid or self.errors)

    @classmethod
    def from_import_export(cls, result) -> ChunkResult:
        chunk = cls()
        for kind in chunk.totals:
            chunk.totals[kind] = result.totals.get(kind, 0)
        chunk.invalid = [(invalid.number, invalid.error) for invalid in result.invalid_rows]
        chunk.errors = [(index, error.error) for index, errors in result.row_errors() for error in errors]
        chunk.errors += [(None, error.error) for error in result.base_errors]
        return chunk


class RowsRefused(Exception):
    """Rows refused while the chunk is written (a rule of the records' own service): listed
    against their rows, by their place in the chunk (from 1)."""

    def __init__(self, rows: list[tuple[int, ValidationError]]):
        super().__init__(f"{len(rows)} rows refused")
        self.rows = rows


class Rows:
    """A chunk of rows under their column keys: what the hooks read as `dataset`
    (`headers`, a column by its key, the number of rows)."""

    def __init__(self, headers: list[str], rows: list[tuple]):
        self.headers, self.rows = headers, rows

    def __getitem__(self, key: str) -> list:
        index = self.headers.index(key)
        return [row[index] for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows)


class ChunkImport:
    """Part of `TransferResource`: a chunk of rows in one pass, for resources with `use_bulk`."""

    def import_rows(self, headers: list[str], rows: list[tuple], *, write: bool = True) -> ChunkResult:
        """Import a chunk of rows (bulk resources): each row read, checked by the model's
        `full_clean()` and skipped when unchanged, then the chunk written with one
        `bulk_create` and one `bulk_update`. Without `write` (the file is already refused)
        the rows are only checked, to list every refused row.

        The same hooks as django-import-export's `import_data` run, in the same order, but
        without its per-row result objects, diffs and savepoints, which cost more here
        than reading, checking and writing the row."""
        dataset = Rows(headers, rows)
        result = ChunkResult()
        self.before_import(dataset)
        loader = self._meta.instance_loader_class(self, dataset)
        self.create_instances, self.update_instances = [], []
        for number, values in enumerate(rows, start=1):
            row = dict(zip(headers, values, strict=True))
            try:
                result.totals[self._import_one(row, loader, number)] += 1
            except ValidationError as error:
                result.invalid.append((number, error))
            except Exception as error:  # listed against its row, as django-import-export does
                result.errors.append((number, error))
        result.invalid += self.check_chunk()
        if write and not result.failed:
            try:
                self._write_chunk()
            except RowsRefused as refused:
                result.invalid += refused.rows
            except Exception as error:  # a database refusal refuses the whole file
                result.errors.append((None, error))
        self.create_instances, self.update_instances = [], []
        self.pending.clear()
        return result

    def _import_one(self, row: dict, loader, number: int) -> str:
        instance, new = self.get_or_init_instance(loader, row)
        self.after_init_instance(instance, new, row)
        errors = {}
        try:
            self.import_instance(instance, row)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if self.skip_row(instance, None, row, errors):
            return "skip"
        self.validate_instance(instance, errors)
        self.save_instance(instance, new, row, row_number=number)
        return "new" if new else "update"

    def check_chunk(self) -> list[tuple[int, ValidationError]]:
        """Rows refused by what the whole chunk's records are checked against (a record
        family's write rules), by their place in the chunk; runs on a dry run too."""
        return []

    def _write_chunk(self) -> None:
        model = self._meta.model
        with transaction.atomic():
            if self.create_instances:
                model.objects.bulk_create(self.create_instances, batch_size=self._meta.batch_size)
            if self.update_instances:
                model.objects.bulk_update(
                    self.update_instances, self.get_bulk_update_fields(), batch_size=self._meta.batch_size
                )
            self.write_links()

    def get_bulk_update_fields(self):
        fields_ = list(self.update_fields)
        if any(f.name == "updated_at" for f in self._meta.model._meta.fields):
            fields_.append("updated_at")
        return fields_
