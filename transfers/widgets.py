"""Widgets: a cell of a file to a value and back (text, whole numbers, dates, choices by
their Vietnamese names, records found by their code or name, the import code)."""

from __future__ import annotations

from collections.abc import Callable

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from import_export import widgets

from access.models import ProvinceScopedQuerySet
from core.cells import parse_date, parse_int
from core.text import ascii_key


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


class CodeWidget(TextWidget):
    """The import code: kept on the record, except "#<id>", which only finds a record."""

    def clean(self, value, row=None, **kwargs):
        return None if value is None else str(value)

    def render(self, value, obj=None, **kwargs):
        return value or ""
