"""Reading and writing spreadsheet files a row at a time, so that memory stays bounded.

XLSX is read by `xlsx.py` (expat over the sheet) and written with openpyxl's write-only
mode; CSV with the csv module over a text stream (UTF-8 with or without BOM, comma or semicolon).
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from django.utils.translation import gettext as _

from core.cells import escape_formula, format_date, normalise
from transfers import conf

FORMATS = ("xlsx", "csv")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
# A part of an XLSX archive expanding more than this many times its packed size is a zip
# bomb: sheets of real data pack some 5 to 30 times.
MAX_XLSX_RATIO = 200


class FileRefused(ValueError):
    """The file as a whole cannot be read: wrong format, encoding, or no header row."""


@dataclass
class Sheet:
    """The header row and an iterator over the data rows, each with its row number in the file."""

    headers: list[str]
    rows: Iterator[tuple[int, tuple]]


def detect_format(file: BinaryIO, name: str = "") -> str:
    start = file.read(4)
    file.seek(0)
    if start.startswith(b"PK\x03\x04"):
        return "xlsx"
    if name.lower().endswith((".xls", ".xlsm", ".ods")):
        raise FileRefused(_("Only XLSX and CSV files can be imported: save the file as XLSX."))
    return "csv"


def max_xlsx_expanded() -> int:
    return conf.max_xlsx_expanded()


# Parts of an Office archive that run code or fetch data from elsewhere: macros, ActiveX
# controls, embedded objects, links to other workbooks. An import reads cell values only, so
# such a file's numbers may not be the ones its sender saw: refused, never silently ignored.
ACTIVE_PARTS = ("vbaproject.bin", "vbadata.xml", "externallinks/", "activex/", "embeddings/", "macrosheets/")


def active_parts(names: list[str]) -> list[str]:
    """The parts among `names` that carry macros, controls, embedded objects or external links."""
    return [name for name in names if any(part in name.lower() for part in ACTIVE_PARTS)]


def check_xlsx_archive(file: BinaryIO, name: str = "") -> None:
    """Refuse a workbook that would expand too far, from the archive's central directory
    alone, before a byte of it is unpacked (the reader also stops at the limit, since
    those sizes are written by whoever made the file); and one that carries macros or
    links to other files."""
    try:
        with zipfile.ZipFile(file) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile:
        raise FileRefused(_("The file is not a readable XLSX workbook.")) from None
    finally:
        file.seek(0)
    expanded = sum(info.file_size for info in infos)
    bomb = any(info.file_size > (1 << 20) and info.file_size > MAX_XLSX_RATIO * info.compress_size for info in infos)
    if expanded > max_xlsx_expanded() or bomb:
        raise FileRefused(_("The workbook is too large once unpacked."))
    found = active_parts([info.filename for info in infos])
    if found:
        parts = ", ".join(sorted({part.rsplit("/", 1)[-1] for part in found}))
        raise FileRefused(
            _(
                "%(file)s carries macros, controls or links to other files (%(parts)s): nothing was "
                "imported. Save it as a plain “Excel Workbook (*.xlsx)” and import that file."
            )
            % {"file": name or "XLSX", "parts": parts}
        )


def read_sheet(file: BinaryIO, name: str = "") -> Sheet:
    """The first sheet of an XLSX file, or a CSV file; blank rows are left out."""
    fmt = detect_format(file, name)
    rows = _xlsx_rows(file, name) if fmt == "xlsx" else _csv_rows(file)
    numbered = ((number, tuple(map(normalise, row))) for number, row in rows)
    for number, header in numbered:
        if any(cell is not None for cell in header):
            headers = [str(cell) if cell is not None else "" for cell in header]
            return Sheet(headers, (item for item in numbered if any(cell is not None for cell in item[1])))
        if number > 20:
            break
    raise FileRefused(_("The file has no header row."))


def _xlsx_rows(file: BinaryIO, name: str) -> Iterator[tuple[int, tuple]]:
    from transfers.xlsx import TooLarge, WorkbookError, WorkbookOutOfBounds, iter_first_sheet

    check_xlsx_archive(file, name)
    try:
        yield from iter_first_sheet(file, max_xlsx_expanded())
    except WorkbookOutOfBounds as error:
        raise FileRefused(
            _("%(file)s, row %(row)s, column %(column)s: beyond the last row or column a spreadsheet can hold.")
            % {"file": name or "XLSX", "row": error.row, "column": error.column}
        ) from None
    except TooLarge:
        raise FileRefused(_("The workbook is too large once unpacked.")) from None
    except WorkbookError:
        raise FileRefused(_("The file is not a readable XLSX workbook.")) from None


def _csv_rows(file: BinaryIO) -> Iterator[tuple[int, tuple]]:
    sample = file.read(64 * 1024)
    file.seek(0)
    try:
        text_sample = sample.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start < len(sample) - 4:  # not just a character cut at the end of the sample
            raise FileRefused(_("The CSV file is not in UTF-8: save it as “CSV UTF-8”.")) from None
        text_sample = sample[: error.start].decode("utf-8-sig")
    first_line = text_sample.splitlines()[0] if text_sample else ""
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    stream = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        yield from enumerate((tuple(row) for row in reader), start=1)
    except UnicodeDecodeError:
        raise FileRefused(_("The CSV file is not in UTF-8: save it as “CSV UTF-8”.")) from None
    except csv.Error:
        # A cell longer than the csv module's limit (131,072 characters), or a stray quote.
        raise FileRefused(
            _("Line %(line)s: a cell is too long or its quotes are not closed.") % {"line": reader.line_num}
        ) from None
    finally:
        stream.detach()


def write_sheet(fmt: str, headers: list[str], rows: Iterable[Iterable], out: BinaryIO, title: str = "") -> None:
    """Write a header row and rows; text that a spreadsheet would run as a formula is escaped."""
    if fmt == "csv":
        stream = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
        writer = csv.writer(stream)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([_csv_cell(value) for value in row])
        stream.flush()
        stream.detach()
        return
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31] or "Sheet1")
    sheet.append(headers)
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    book.save(out)


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return format_date(value)
    return escape_formula(value if isinstance(value, str) else str(value))


def _xlsx_cell(sheet, value):
    if isinstance(value, datetime.date):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "dd/mm/yyyy"
        return cell
    return escape_formula(value)
