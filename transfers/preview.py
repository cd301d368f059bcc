"""What a dry run shows before anything is stored: how the cells of the first rows were
read (the number, the date, the place, the record a name matched), and which rows are
still the template's example row.

Only the first `PREVIEW_ROWS` rows are read back in detail, after their chunk has gone
through the resource, whose lookups are then already remembered: a large file costs the
same few lines. Free text (names, phones, notes) and cells read exactly as typed are not
repeated.
A record the user may not see is never named: the preview says it is outside their
provinces, whatever the lookup found.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.cells import format_date, parse_date, parse_int, split_list
from core.text import ascii_key
from places.lookup import describe
from transfers.base import TransferResource
from transfers.placed import PlaceResolver
from transfers.template_workbook import example_row
from transfers.widgets import ChoiceWidget, DateWidget, IntWidget, LookupWidget

PREVIEW_ROWS = 10
MAX_EXAMPLE_ROWS = 10
PLACE_KEYS = ("commune", "district", "province")  # the smallest given names the place


@dataclass
class CellReading:
    column: str  # the column's header
    typed: str  # the cell as the file holds it
    read: str  # what it was read as
    detail: str = ""  # the same said in words, where a reading could be misread (a date)
    refused: bool = False  # the cell could not be read: the refused rows say why


@dataclass
class RowReading:
    row: int
    cells: list[CellReading] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict) -> RowReading:
        return cls(data["row"], [CellReading(**cell) for cell in data["cells"]])


def typed_text(value) -> str:
    """A cell as a person sees it in the sheet."""
    if isinstance(value, datetime.datetime | datetime.date):
        return format_date(parse_date(value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def date_in_words(value: datetime.date) -> str:
    return _("day %(day)d, month %(month)d, year %(year)d") % {
        "day": value.day,
        "month": value.month,
        "year": value.year,
    }


class Previewer:
    """Collects, chunk by chunk, the readings of the first rows and the example rows."""

    def __init__(self, resource: TransferResource, keys: list[str], *, read: bool):
        self.resource, self.keys, self.read = resource, keys, read
        self.readings: list[RowReading] = []
        self.example_rows: list[int] = []
        self.headers = {column.key: column.header for column in resource.columns}
        self.example = ExampleMatcher(type(resource), keys)
        self._visible: dict[tuple[type, int], bool] = {}

    def note(self, rows: list[tuple], numbers: list[int]) -> None:
        for values, number in zip(rows, numbers, strict=True):
            if len(self.example_rows) < MAX_EXAMPLE_ROWS and self.example.matches(values):
                self.example_rows.append(number)
            if self.read and len(self.readings) < PREVIEW_ROWS:
                self.readings.append(self.read_row(dict(zip(self.keys, values, strict=True)), number))

    def read_row(self, row: dict, number: int) -> RowReading:
        reading = RowReading(number)
        place_done = False
        for column in self.resource.columns:
            key, value = column.key, row.get(column.key)
            if value is None:
                continue
            if key in PLACE_KEYS:
                if not place_done:
                    place_done = True
                    reading.cells += self.read_place(row)
                continue
            cell = self.read_cell(key, value)
            if cell is not None:
                reading.cells.append(cell)
        # What was read exactly as typed tells nothing: "45 → 45" is left out.
        reading.cells = [cell for cell in reading.cells if cell.refused or cell.detail or cell.read != cell.typed]
        return reading

    def read_cell(self, key: str, value) -> CellReading | None:
        cell = CellReading(self.headers[key], typed_text(value), "")
        try:
            if key in self.resource.m2m_columns:
                widget = self.resource.m2m_columns[key][1]
                cell.read = "; ".join(self.name_record(widget, widget.clean(item)) for item in split_list(value))
                return cell
            resource_field = self.resource.fields.get(key)
            widget = resource_field.widget if resource_field is not None and resource_field.attribute else None
            if isinstance(widget, IntWidget):
                cell.read = str(parse_int(value))
            elif isinstance(widget, DateWidget):
                date = parse_date(value)
                cell.read, cell.detail = format_date(date), date_in_words(date)
            elif isinstance(widget, ChoiceWidget):
                cell.read = str(widget.render(widget.clean(value)))
            elif isinstance(widget, LookupWidget):
                cell.read = self.name_record(widget, widget.clean(value))
            else:
                return None  # text, codes: read as typed
        except (ValueError, ValidationError):
            cell.read, cell.refused = _("cannot be read"), True
        return cell

    def read_place(self, row: dict) -> list[CellReading]:
        places = getattr(self.resource, "places", None)
        if not isinstance(places, PlaceResolver):
            return []  # a province alone (targets): read as typed
        key = next(key for key in PLACE_KEYS if row.get(key) is not None)
        cell = CellReading(self.headers[key], typed_text(row[key]), "")
        place, errors = places.resolve(row)
        if errors or place is None:
            cell.read, cell.refused = _("cannot be read"), True
        elif not self.resource.in_scope(place.province_id):
            cell.read, cell.refused = _("outside your provinces"), True
        else:
            cell.read = describe(place)
        return [cell]

    def name_record(self, widget: LookupWidget, record: models.Model | None) -> str:
        if record is None:
            return ""
        if not self.visible(record):
            return _("outside your provinces")
        return widget.describe(record)

    def visible(self, record: models.Model) -> bool:
        """Whether the user may see the record, through its model's scoped queryset where it
        has one (records of national lists such as campaigns and organisers have none)."""
        queryset = type(record)._default_manager.all()
        if self.resource.user is None or not hasattr(queryset, "for_user"):
            return True
        key = (type(record), record.pk)
        if key not in self._visible:
            self._visible[key] = queryset.for_user(self.resource.user).filter(pk=record.pk).exists()
        return self._visible[key]


class ExampleMatcher:
    """Whether a row of the file is the example row of the template (`example_row`): every
    column the example fills holds the same value, as read (a date as a date, "45" as 45,
    text without regard to case or diacritics)."""

    def __init__(self, resource_class: type[TransferResource], keys: list[str]):
        values = zip((column.key for column in resource_class.columns), example_row(resource_class), strict=True)
        self.checks = [(keys.index(key), value) for key, value in values if value is not None and key in keys]
        # The first check runs on every row: its quick form compares text as typed.
        self.checks.sort(key=lambda check: not isinstance(check[1], str))
        self.quick = self.checks[0][1].casefold() if self.checks and isinstance(self.checks[0][1], str) else None

    def matches(self, values: tuple) -> bool:
        if len(self.checks) < 2:
            return False
        if self.quick is not None:
            first = values[self.checks[0][0]]
            if not isinstance(first, str) or first.casefold() != self.quick:
                return False
        return all(same_value(values[index], expected) for index, expected in self.checks)


def same_value(cell, expected) -> bool:
    if cell is None:
        return False
    try:
        if isinstance(expected, datetime.date):
            return parse_date(cell) == expected
        if isinstance(expected, int):
            return parse_int(cell) == expected
    except ValueError:
        return False
    return ascii_key(str(cell)) == ascii_key(str(expected))


def compact_lines(readings: list[RowReading]) -> list[str]:
    """The readings as the command line prints them: a line per row, the dates in words
    (day and month told apart)."""
    lines = []
    for reading in readings:
        cells = [f"{cell.column} “{cell.typed}” → {cell.detail or cell.read}" for cell in reading.cells]
        if cells:
            lines.append(_("row %(row)s") % {"row": reading.row} + ": " + "; ".join(cells))
    return lines


def example_row_warning(rows: list[int]) -> str:
    return ngettext(
        "Row %(rows)s is still the template's example row: delete it unless you mean to import it.",
        "Rows %(rows)s are still the template's example row: delete them unless you mean to import them.",
        len(rows),
    ) % {"rows": ", ".join(str(number) for number in rows)}
