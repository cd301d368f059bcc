"""What every import and export shares: columns with Vietnamese headers, province scoping,
skipping unchanged rows, and the audit list of what was written.

Built on django-import-export's ModelResource: the resource reads rows into model
instances (widgets.py), validates them with the model's own `full_clean()` (the admin
forms' rules), and writes them with `bulk_create` / `bulk_update` in batches (chunks.py),
many-to-many links included (links.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models.fields import NOT_PROVIDED
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from access.models import province_ids_for
from core.text import ascii_key
from transfers.chunks import ChunkImport
from transfers.files import FileRefused
from transfers.links import ManyToManyColumns
from transfers.loading import CodeInstanceLoader
from transfers.widgets import LookupWidget, TextWidget


@dataclass
class Column:
    """One column of a file: its key, its Vietnamese header, what it holds and what it accepts."""

    key: str
    header: str
    help: str | Promise = ""
    required: bool = False
    example: object = ""
    allowed: Callable[[], list[str]] | None = None


def allowed_names(queryset, attribute: str = "name") -> list[str]:
    """A column's allowed values as the template lists them: the records' names (the first 200)."""
    return [str(value) for value in queryset.values_list(attribute, flat=True)[:200]]


@dataclass
class Change:
    """A row of the file that creates or changes a record: what the dry run shows."""

    row: int
    kind: str  # "new" or "update"
    label: str
    columns: list[str] = field(default_factory=list)


class TransferResource(ChunkImport, ManyToManyColumns, resources.ModelResource):
    """A resource with Vietnamese columns, checked against the user's provinces.

    Subclasses set `columns`, declare one import-export Field per column (column_name = the
    column's key), and may add many-to-many columns in `m2m_columns` (links.py).
    """

    columns: list[Column] = []
    # Model fields that an update may change (bulk_update writes these).
    update_fields: list[str] = []
    # Model error keys → the column they belong to, where the names differ.
    error_columns: dict[str, str] = {}
    permission_model: type[models.Model] | None = None
    sensitive = False  # personal data: never logged by name
    # The records' own write service writes their audit entries (activities): no second one.
    logs_own_writes = False

    class Meta:
        abstract = True
        use_bulk = True
        batch_size = 1000
        skip_unchanged = True
        skip_diff = True
        report_skipped = False
        clean_model_instances = True
        instance_loader_class = CodeInstanceLoader
        use_transactions = True

    def __init__(self, user=None, **kwargs):
        super().__init__(**kwargs)
        self.user = user
        self.province_ids = province_ids_for(user) if user is not None else None
        if user is not None:
            for resource_field in self.fields.values():
                if isinstance(resource_field.widget, LookupWidget):
                    resource_field.widget = resource_field.widget.for_user(user)
        self.scope_m2m_columns(user)
        self.pending: list[models.Model] = []
        self.created: list[tuple[int, str]] = []
        self.updated: list[tuple[int, str]] = []
        self.changes: list[Change] = []
        self.warnings: list[tuple[int, str, str]] = []  # (row, column, message): doubts, not refusals
        self.row_numbers: list[int] = []  # the file's row numbers of the chunk's rows (blank rows are left out)

    # Columns and headers.

    @classmethod
    def column_by_key(cls) -> dict[str, Column]:
        return {column.key: column for column in cls.columns}

    @classmethod
    def canonical_headers(cls, headers: list[str]) -> list[str]:
        """The column keys of a header row: each header is the Vietnamese name, the key, or
        "Name [key]". Unknown and missing required columns refuse the file."""
        names = {}
        for column in cls.columns:
            names[ascii_key(column.header)] = column.key
            names[ascii_key(column.key)] = column.key
        keys, unknown = [], []
        for header in headers:
            text = header.strip()
            if "[" in text and text.endswith("]"):
                text = text[text.rindex("[") + 1 : -1]
            key = names.get(ascii_key(text)) if text else None
            if key is None and text:
                unknown.append(header)
            keys.append(key or f"_ignored_{len(keys)}")
        if unknown:
            raise FileRefused(
                _("Unknown columns: %(columns)s. Use the headers of the template.")
                % {"columns": ", ".join(f"“{name}”" for name in unknown)}
            )
        duplicates = sorted({key for key in keys if keys.count(key) > 1})
        if duplicates:
            raise FileRefused(_("Columns given twice: %(columns)s.") % {"columns": ", ".join(duplicates)})
        missing = [column.header for column in cls.columns if column.required and column.key not in keys]
        if missing:
            raise FileRefused(_("Required columns missing: %(columns)s.") % {"columns": ", ".join(missing)})
        return keys

    def get_export_headers(self, selected_fields=None):
        return [column.header for column in self.columns]

    def get_export_order(self):
        return [column.key for column in self.columns]

    def get_import_order(self):
        return [column.key for column in self.columns]

    def export_code(self, instance) -> str:
        """The import code of a record, or "#<id>" when it has none, so an export re-imports onto it."""
        return getattr(instance, self.fields[self.import_id_key()].attribute) or f"#{instance.pk}"

    def export_values(self, instance) -> list:
        return [self.export_field(self.fields[column.key], instance) for column in self.columns]

    def column_header(self, error_key: str) -> str:
        key = self.error_columns.get(error_key, error_key)
        column = self.column_by_key().get(key)
        return column.header if column else ""

    # Scoping.

    def in_scope(self, province_id: int | None) -> bool:
        return self.province_ids is None or province_id in self.province_ids

    def record_province_id(self, instance) -> int | None:
        return getattr(instance, "province_id", None)

    def scope_queryset(self, queryset):
        return queryset if self.user is None else queryset.for_user(self.user)

    # Import steps.

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.read_existing_links(dataset)

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        if not new:
            if not self.in_scope(self.record_province_id(instance)):
                raise ValidationError(
                    {self.import_id_key(): _("This code belongs to a record outside your provinces.")}
                )
            attribute = self.fields[self.import_id_key()].attribute
            instance._code = getattr(instance, attribute) if attribute else None
            instance._snapshot = {name: getattr(instance, self._attname(name)) for name in self.update_fields}

    def import_id_key(self) -> str:
        return self.get_import_id_fields()[0]

    def import_fields(self, instance, row) -> None:
        """Each column's cell through its widget onto the instance, as django-import-export's
        `import_instance` does (a ValueError refuses that column), without its per-row setup."""
        if not hasattr(self, "_plain_fields"):
            used = [
                f
                for f in self.get_import_fields()
                if f.attribute and not f.readonly and not isinstance(f.widget, widgets.ManyToManyWidget)
            ]
            # Related attributes ("a__b") or defaults for empty cells: the library's own way.
            plain = all("__" not in f.attribute and f.default is NOT_PROVIDED for f in used)
            self._plain_fields = [(f.attribute, f.column_name, f.widget) for f in used] if plain else None
        if self._plain_fields is None:
            super().import_instance(instance, row)
            return
        errors = {}
        for attribute, column, widget in self._plain_fields:
            if column not in row:
                continue
            try:
                setattr(instance, attribute, widget.clean(row[column], row=row))
            except ValueError as error:
                errors[attribute] = ValidationError(str(error), code="invalid")
        if errors:
            raise ValidationError(errors)

    def _attname(self, name: str) -> str:
        if not hasattr(self, "_attnames"):
            self._attnames = {f.name: f.attname for f in self._meta.model._meta.fields}
        return self._attnames[name]

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        for column in self.columns:
            if column.required and row.get(column.key) is None:
                errors[column.key] = [_("This column is required.")]
        try:
            self.import_fields(instance, row)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        code = row.get(self.import_id_key())
        if isinstance(code, str) and code.startswith("#"):
            attribute = self.fields[self.import_id_key()].attribute
            if hasattr(instance, "_snapshot"):
                setattr(instance, attribute, instance._code)
            else:
                errors[self.import_id_key()] = [_("No record has the number %(code)s.") % {"code": code}]
                setattr(instance, attribute, None)
        try:
            self.import_related(instance, row)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        self.read_links(instance, row, errors)
        if errors:
            raise ValidationError(errors)

    def import_related(self, instance, row) -> None:
        """Fields that span several columns (a place from province, district, commune)."""

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # Related records were found by our widgets, so their existence needs no query per
        # row; uniqueness of the import code is checked over the whole file beforehand.
        errors = dict(import_validation_errors or {})
        exclude = set(errors) | self._relation_names()
        try:
            instance.full_clean(exclude=exclude, validate_unique=False)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def _relation_names(self) -> set[str]:
        if not hasattr(self, "_relations"):
            self._relations = {f.name for f in self._meta.model._meta.fields if f.is_relation}
        return self._relations

    def _has_updated_at(self) -> bool:
        if not hasattr(self, "_updated_at"):
            self._updated_at = any(f.name == "updated_at" for f in self._meta.model._meta.fields)
        return self._updated_at

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if import_validation_errors or not hasattr(instance, "_snapshot"):
            return False
        changed = self.changed_columns(instance)
        instance._changed = changed
        return not changed

    def changed_columns(self, instance) -> list[str]:
        changed = [
            name for name in self.update_fields if getattr(instance, self._attname(name)) != instance._snapshot[name]
        ]
        return changed + self.changed_links(instance)

    def before_save_instance(self, instance, row, **kwargs):
        super().before_save_instance(instance, row, **kwargs)
        if self._has_updated_at():
            instance.updated_at = timezone.now()

    def save_instance(self, instance, is_create, row, **kwargs):
        super().save_instance(instance, is_create, row, **kwargs)
        self.pending.append(instance)
        if len(self.changes) < 100:
            index = kwargs.get("row_number", 1)
            number = self.row_numbers[index - 1] if index <= len(self.row_numbers) else index + 1
            columns = [self.column_header(name) or name for name in getattr(instance, "_changed", [])]
            self.changes.append(Change(number, "new" if is_create else "update", self.change_label(instance), columns))
        if len(self.warnings) < 100:
            index = kwargs.get("row_number", 1)
            number = self.row_numbers[index - 1] if index <= len(self.row_numbers) else index + 1
            for key, message in self.row_warnings(instance):
                self.warnings.append((number, self.column_header(key) or key, message))

    def row_warnings(self, instance) -> list[tuple[str, str]]:
        """Doubts about a row that is stored all the same, as (field, message): the import's
        check names them so that a slip is seen before the file is confirmed."""
        return []

    def change_label(self, instance) -> str:
        return str(instance)

    def log_label(self, instance) -> str:
        if self.sensitive:
            return f"{self._meta.model._meta.verbose_name} {instance.pk}"
        return str(instance)[:255]

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if not (result.has_errors() or result.has_validation_errors()):
            self.write_links()
        self.pending.clear()


def column_field(key: str, widget=None, attribute: str | None = "same") -> fields.Field:
    """An import-export field for a column: attribute = the key unless told otherwise."""
    return fields.Field(
        attribute=key if attribute == "same" else attribute,
        column_name=key,
        widget=widget or TextWidget(),
    )


def error_list(error: ValidationError) -> dict[str, list[str]]:
    try:
        return {key: [str(message) for message in messages] for key, messages in error.message_dict.items()}
    except AttributeError:
        return {NON_FIELD_ERRORS: [str(message) for message in error.messages]}
