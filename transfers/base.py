"""What every import and export shares: columns with Vietnamese headers, Vietnamese cell
parsing, province scoping, bulk writes, skipping unchanged rows, and many-to-many links.

Built on django-import-export's ModelResource: the resource reads rows into model
instances, validates them with the model's own `full_clean()` (the admin forms' rules),
and writes them with `bulk_create` / `bulk_update` in batches.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.db.models.fields import NOT_PROVIDED
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from import_export.instance_loaders import CachedInstanceLoader

from campaigns.models.scoping import ProvinceScopedQuerySet, province_ids_for
from campaigns.text import ascii_key
from transfers.cells import parse_date, parse_int, split_list
from transfers.files import FileRefused


@dataclass
class Column:
    """One column of a file: its key, its Vietnamese header, what it holds and what it accepts."""

    key: str
    header: str
    help: str | Promise = ""
    required: bool = False
    example: object = ""
    allowed: Callable[[], list[str]] | None = None


# --- Widgets: a cell to a value and back ---------------------------------------------------------


class TextWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return "" if value is None else str(value)

    def render(self, value, obj=None, **kwargs):
        return value or ""


class IntWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return parse_int(value)

    def render(self, value, obj=None, **kwargs):
        return value


class DateWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return parse_date(value)

    def render(self, value, obj=None, **kwargs):
        return value


class ChoiceWidget(widgets.Widget):
    """A choice by its key, its Vietnamese name in the file, or its label in either language."""

    def __init__(self, choices, names: dict[str, str], blank: bool = False, default: str = ""):
        super().__init__()
        self.choices, self.names, self.blank, self.default = choices, names, blank or bool(default), default

    def lookup(self) -> dict[str, str]:
        """Keys, file names and labels in the current language, built once per language."""
        language = get_language()
        if getattr(self, "_table_language", None) != language:
            table = {}
            for key, label in self.choices:
                for text in (key, label, self.names.get(key, "")):
                    if text:
                        table[ascii_key(str(text))] = key
            self._table, self._table_language, self._typed = table, language, {}
        return self._table

    def clean(self, value, row=None, **kwargs):
        if value is None:
            if self.blank:
                return self.default
            raise ValueError(_("This column is required."))
        table = self.lookup()
        key = self._typed.get(value)  # a few distinct spellings in a file: each keyed once
        if key is None:
            key = table.get(ascii_key(str(value)))
            if len(self._typed) < 1000:
                self._typed[value] = key
        if key is None:
            allowed = ", ".join(self.names.get(key, str(label)) for key, label in self.choices)
            raise ValueError(_("“%(value)s” is not allowed here. Allowed: %(allowed)s.") % locals())
        return key

    def render(self, value, obj=None, **kwargs):
        return self.names.get(value, value or "")


class LookupWidget(widgets.Widget):
    """A related record found by what people write (a code or a name), remembered per import."""

    def __init__(self, find: Callable[[str], models.Model | None], show: Callable[[models.Model], str], what: str):
        super().__init__()
        self.find, self.show, self.what = find, show, what
        self.cache: dict[str, models.Model | None] = {}

    def for_user(self, user) -> LookupWidget:
        """This widget finding only records that `user` may see: a record of another
        province then gets the same answer as one that does not exist."""
        if not isinstance(self.find, Finder):
            return self
        return LookupWidget(self.find.for_user(user), self.show, self.what)

    def clean(self, value, row=None, **kwargs):
        if value is None:
            return None
        text = str(value)
        if text not in self.cache:
            self.cache[text] = self.find(text)
        found = self.cache[text]
        if found is None:
            raise ValueError(_("No %(what)s “%(value)s”.") % {"what": self.what, "value": text})
        return found

    def render(self, value, obj=None, **kwargs):
        return self.show(value) if value is not None else ""

    def describe(self, value: models.Model) -> str:
        """The record found, as a dry run shows it to the person importing."""
        return str(value)


class Finder:
    """The record whose key equals the text (any case), else whose name matches without diacritics."""

    def __init__(self, queryset: models.QuerySet, key_field: str, *name_fields: str):
        self.queryset, self.key_field, self.name_fields = queryset, key_field, name_fields

    def __call__(self, text: str) -> models.Model | None:
        queryset, key_field, name_fields = self.queryset, self.key_field, self.name_fields
        found = queryset.filter(**{f"{key_field}__iexact": text}).first()
        if found is not None:
            return found
        wanted = ascii_key(text)
        for record in queryset.only("pk", key_field, *name_fields):
            if any(ascii_key(getattr(record, name) or "") == wanted for name in name_fields):
                return queryset.get(pk=record.pk)
        return None

    def for_user(self, user) -> Finder:
        """Province-scoped records (clubs, activities…) narrowed to `user`'s provinces."""
        if isinstance(self.queryset, ProvinceScopedQuerySet):
            return Finder(self.queryset.for_user(user), self.key_field, *self.name_fields)
        return self


def find_by_key_or_name(queryset, key_field: str, *name_fields: str) -> Finder:
    return Finder(queryset, key_field, *name_fields)


class CodeInstanceLoader(CachedInstanceLoader):
    """Records found by the import code column in one query per chunk: by the code kept on
    the record, or "#<id>" for a record that has none (what an export writes for it)."""

    def __init__(self, resource, dataset=None):
        self.resource, self.dataset = resource, dataset
        key = resource.import_id_key()
        self.key = key
        self.all_instances = {}
        if not dataset or key not in dataset.headers:
            return
        values = {str(value) for value in dataset[key] if value not in (None, "")}
        ids = {int(value[1:]) for value in values if value.startswith("#") and value[1:].isdigit()}
        codes = values - {f"#{pk}" for pk in ids}
        attribute = resource.fields[key].attribute
        # "#<id>" finds only a record the user may see: another province's is "no record
        # has the number", as one that does not exist. A code stays unique across
        # provinces, so a code used elsewhere is refused as such.
        visible_ids = resource.scope_queryset(resource.get_queryset()).filter(pk__in=ids).values("pk")
        query = models.Q(**{f"{attribute}__in": codes}) | models.Q(pk__in=visible_ids)
        queryset = resource.get_queryset().filter(query)
        if transaction.get_connection(queryset.db).in_atomic_block:
            # The rows stay locked until the import commits: an edit saved meanwhile waits,
            # then finds the version the import moved and is refused, rather than being
            # overwritten by values read before it (PostgreSQL; SQLite writers take turns).
            queryset = queryset.select_for_update(of=("self",)).order_by("pk")
        for instance in queryset:
            code = getattr(instance, attribute)
            if code in codes:
                self.all_instances[code] = instance
            if instance.pk in ids:
                self.all_instances[f"#{instance.pk}"] = instance

    def get_instance(self, row):
        value = row.get(self.key)
        return self.all_instances.get(str(value)) if value not in (None, "") else None


class CodeWidget(TextWidget):
    """The import code: kept on the record, except "#<id>", which only finds a record."""

    def clean(self, value, row=None, **kwargs):
        return None if value is None else str(value)

    def render(self, value, obj=None, **kwargs):
        return value or ""


# --- The resource ---------------------------------------------------------------------------------


@dataclass
class Change:
    """A row of the file that creates or changes a record: what the dry run shows."""

    row: int
    kind: str  # "new" or "update"
    label: str
    columns: list[str] = field(default_factory=list)


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


class TransferResource(resources.ModelResource):
    """A resource with Vietnamese columns, checked against the user's provinces.

    Subclasses set `columns`, declare one import-export Field per column (column_name = the
    column's key), and may add many-to-many columns in `m2m_columns` ({column key: (model
    field name, widget)}), which bulk mode of django-import-export does not write itself.
    """

    columns: list[Column] = []
    m2m_columns: dict[str, tuple[str, LookupWidget]] = {}
    # Model fields that an update may change (bulk_update writes these).
    update_fields: list[str] = []
    # Model error keys → the column they belong to, where the names differ.
    error_columns: dict[str, str] = {}
    permission_model: type[models.Model] | None = None
    sensitive = False  # personal data: never logged by name

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
        self.m2m_columns = deepcopy(self.m2m_columns)
        self.user = user
        self.province_ids = province_ids_for(user) if user is not None else None
        if user is not None:
            for resource_field in self.fields.values():
                if isinstance(resource_field.widget, LookupWidget):
                    resource_field.widget = resource_field.widget.for_user(user)
            for key, (name, widget) in self.m2m_columns.items():
                self.m2m_columns[key] = (name, widget.for_user(user))
        self.existing_m2m: dict[str, dict[int, set[int]]] = {}
        self.pending: list[models.Model] = []
        self.created: list[tuple[int, str]] = []
        self.updated: list[tuple[int, str]] = []
        self.changes: list[Change] = []
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
        self.existing_m2m = {}
        key = self.import_id_key()
        if not self.m2m_columns or key not in dataset.headers:
            return
        values = {str(value) for value in dataset[key] if value not in (None, "")}
        pks = {int(value[1:]) for value in values if value.startswith("#") and value[1:].isdigit()}
        attribute = self.fields[key].attribute
        query = models.Q(**{f"{attribute}__in": values}) | models.Q(pk__in=pks)
        ids = self._meta.model._default_manager.filter(query).values("pk")
        for key, (name, _widget) in self.m2m_columns.items():
            if key not in dataset.headers:
                continue
            through = self._meta.model._meta.get_field(name).remote_field.through
            source, target = self._through_columns(name)
            links: dict[int, set[int]] = {}
            for owner, other in through.objects.filter(**{f"{source}__in": ids}).values_list(source, target):
                links.setdefault(owner, set()).add(other)
            self.existing_m2m[name] = links

    def _through_columns(self, name: str) -> tuple[str, str]:
        model_field = self._meta.model._meta.get_field(name)
        through = model_field.remote_field.through
        source = next(f.attname for f in through._meta.fields if f.related_model is self._meta.model)
        target = next(
            f.attname
            for f in through._meta.fields
            if f.related_model is model_field.related_model and f.attname != source
        )
        return source, target

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
        if write and not result.failed:
            try:
                self._write_chunk()
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
        instance._m2m = {}
        for key, (name, widget) in self.m2m_columns.items():
            if key not in row:
                continue
            try:
                instance._m2m[name] = sorted({widget.clean(item).pk for item in split_list(row[key])})
            except ValueError as error:
                errors.setdefault(key, []).append(str(error))
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
        for name, ids in getattr(instance, "_m2m", {}).items():
            if set(ids) != self.existing_m2m.get(name, {}).get(instance.pk, set()):
                changed.append(name)
        return changed

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

    def change_label(self, instance) -> str:
        return str(instance)

    def log_label(self, instance) -> str:
        if self.sensitive:
            return f"{self._meta.model._meta.verbose_name} {instance.pk}"
        return str(instance)[:255]

    def get_bulk_update_fields(self):
        fields_ = list(self.update_fields)
        if any(f.name == "updated_at" for f in self._meta.model._meta.fields):
            fields_.append("updated_at")
        return fields_

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if not (result.has_errors() or result.has_validation_errors()):
            self.write_links()
        self.pending.clear()

    def write_links(self) -> None:
        """The audit list of what was written, and the many-to-many links of the written records."""
        new_links: dict[str, list] = {}
        stale: dict[str, list[int]] = {}
        for instance in self.pending:
            is_new = not hasattr(instance, "_snapshot")
            (self.created if is_new else self.updated).append((instance.pk, self.log_label(instance)))
            for name, ids in getattr(instance, "_m2m", {}).items():
                if not is_new and set(ids) == self.existing_m2m.get(name, {}).get(instance.pk, set()):
                    continue
                if not is_new:
                    stale.setdefault(name, []).append(instance.pk)
                new_links.setdefault(name, []).extend((instance.pk, other) for other in ids)
        for name in set(new_links) | set(stale):
            through = self._meta.model._meta.get_field(name).remote_field.through
            source, target = self._through_columns(name)
            if stale.get(name):
                through.objects.filter(**{f"{source}__in": stale[name]}).delete()
            through.objects.bulk_create(
                [through(**{source: owner, target: other}) for owner, other in new_links.get(name, [])],
                batch_size=self._meta.batch_size,
            )


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
