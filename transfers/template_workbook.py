"""Downloadable XLSX templates: the columns with an example row, and a sheet that explains them."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from core.cells import escape_formula, parse_date
from transfers.base import TransferResource

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def example_row(resource_class: type[TransferResource]) -> list:
    """The example row the template writes under its headers, one value per column (None
    for an empty cell, a date for a date column). A dry run compares the file's rows with
    it, so that an example left in the file is noticed before it is stored."""
    example = []
    for column in resource_class.columns:
        value = column.example
        if isinstance(value, str) and column.key.endswith(("date", "_on")) and value:
            value = parse_date(value)
        example.append(value if value != "" else None)
    return example


def template_xlsx(resource_class: type[TransferResource]) -> bytes:
    book = Workbook()
    data = book.active
    data.title = "Dữ liệu"
    data.append([column.header for column in resource_class.columns])
    example = example_row(resource_class)
    data.append([escape_formula(value) for value in example])
    for index, column in enumerate(resource_class.columns, start=1):
        cell = data.cell(row=1, column=index)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        data.column_dimensions[cell.column_letter].width = max(14, len(column.header) + 4)
        if isinstance(example[index - 1], type(None)) is False and column.key.endswith(("date", "_on")):
            data.cell(row=2, column=index).number_format = "dd/mm/yyyy"
    data.freeze_panes = "A2"

    guide = book.create_sheet("Hướng dẫn")
    guide.append([_("Column"), _("Key"), _("Required"), _("What it holds"), _("Allowed values")])
    for cell in guide[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for column in resource_class.columns:
        allowed = column.allowed() if column.allowed else []
        guide.append(
            [
                column.header,
                f"[{column.key}]",
                _("yes") if column.required else "",
                str(column.help),
                escape_formula("; ".join(allowed)),
            ]
        )
    guide.append([])
    notes = [
        _("The first row holds the headers: the Vietnamese name, or the key in brackets."),
        _("Dates as dd/mm/yyyy (or a date cell); numbers may use “.” between thousands (2.890)."),
        _("Places with or without diacritics, with or without “Tỉnh”, “Xã”…, or their official codes."),
        _("A file with any refused row stores nothing: correct the rows listed and import it again."),
        _("Importing the same file again changes nothing; a row whose code is known updates that record."),
    ]
    for note in notes:
        guide.append([note])
    for letter, width in zip("ABCDE", (22, 18, 10, 70, 60), strict=True):
        guide.column_dimensions[letter].width = width
    for row in guide.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
