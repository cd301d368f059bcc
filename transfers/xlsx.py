"""The first worksheet of an XLSX workbook, a row at a time, read fast.

openpyxl's read-only mode builds an element tree for every cell, parses the whole sheet a
second time when the sheet states no dimension (openpyxl's own write-only files), and
builds an object for every shared string: about 40,000 cells a second here. The workbook,
its relations and its styles are small, and openpyxl still reads them; the shared strings
and the sheet are read here with the expat parser's callbacks, giving the same values
openpyxl gives with `data_only=True` (cached results of formulas, dates for cells with a
date format, numbers as int or float, booleans, error codes as text) in a fifth of the time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO
from xml.parsers import expat

from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.xml.constants import SHARED_STRINGS

FEED_BYTES = 256 * 1024
# A spreadsheet program's own limits: a reference past them is a crafted file, and
# following it would build millions of empty cells or rows in memory.
MAX_COLUMN = 16_384  # XFD
MAX_ROW = 1_048_576
_COLUMN_LETTERS = {chr(ord("A") + i): i + 1 for i in range(26)}


class WorkbookError(ValueError):
    """The workbook cannot be read."""


class WorkbookOutOfBounds(WorkbookError):
    """A cell or row past what a spreadsheet program can hold."""

    def __init__(self, row: int, column: int | str) -> None:
        super().__init__(f"row {row}, column {column}")
        self.row, self.column = row, column


class TooLarge(WorkbookError):
    """A part of the archive expands past the allowed size."""


class BoundedReader:
    """Reads a part of the archive and stops once more than `limit` bytes came out of it,
    whatever its header claimed: a zip's sizes are written by whoever made the file."""

    def __init__(self, source: BinaryIO, limit: int) -> None:
        self.source, self.left = source, limit

    def read(self, size: int = -1) -> bytes:
        data = self.source.read(size)
        self.left -= len(data)
        if self.left < 0:
            raise TooLarge("expanded past the limit")
        return data


def _local(name: str) -> str:
    # With namespace_separator=" ", expat names elements "namespace-uri localname".
    return name.rpartition(" ")[2]


def _column(reference: str) -> int:
    number = 0
    for char in reference:
        value = _COLUMN_LETTERS.get(char)
        if value is None:
            break
        number = number * 26 + value
        if number > MAX_COLUMN:
            break  # "ZZZZZZZ…" would otherwise grow without end
    return number


def _feed(parser, source: BinaryIO, pending: list) -> Iterator:
    try:
        while data := source.read(FEED_BYTES):
            parser.Parse(data, False)
            yield from pending
            pending.clear()
        parser.Parse(b"", True)
        yield from pending
        pending.clear()
    except expat.ExpatError as error:
        raise WorkbookError(str(error)) from None


def read_shared_strings(source: BinaryIO) -> list[str]:
    """The shared string table: each item's text runs joined, phonetic guides left out."""
    strings: list[str] = []
    parts: list[str] = []
    state = {"in_item": False, "in_text": False, "phonetic": 0}

    def start(name, attrs):
        tag = _local(name)
        if tag == "si":
            state["in_item"] = True
            parts.clear()
        elif tag == "rPh":
            state["phonetic"] += 1
        elif tag == "t" and state["in_item"] and not state["phonetic"]:
            state["in_text"] = True

    def end(name):
        tag = _local(name)
        if tag == "si":
            strings.append("".join(parts).replace("x005F_", ""))
            state["in_item"] = False
        elif tag == "rPh":
            state["phonetic"] -= 1
        elif tag == "t":
            state["in_text"] = False

    def text(data):
        if state["in_text"]:
            parts.append(data)

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, text
    for _ in _feed(parser, source, []):
        pass
    return strings


class _SheetReader:
    """Expat callbacks over a worksheet's XML: completed rows go to `pending`."""

    def __init__(self, shared: list[str], date_styles: set[int], timedelta_styles: set[int], epoch):
        self.shared, self.date_styles, self.timedelta_styles, self.epoch = shared, date_styles, timedelta_styles, epoch
        self.pending: list[tuple] = []
        self.row_number = self.highest = 0
        self.cells: dict[int, object] = {}
        self.column = 0
        self.cell_type = "n"
        self.style = 0
        self.parts: list[str] = []
        self.has_value = False
        self.collecting = False
        self.in_inline = False
        self.phonetic = 0
        self.names: dict[str, str] = {}

    def tag(self, name: str) -> str:
        tag = self.names.get(name)
        if tag is None:
            tag = self.names[name] = _local(name)
        return tag

    def start(self, name, attrs):
        tag = self.tag(name)
        if tag == "c":
            reference = attrs.get("r")
            self.column = _column(reference) if reference else self.column + 1
            if self.column > MAX_COLUMN:
                raise WorkbookOutOfBounds(self.row_number, (reference or str(self.column))[:20])
            self.cell_type = attrs.get("t", "n")
            style = attrs.get("s")
            self.style = int(style) if style else 0
            self.parts = []
            self.has_value = False
        elif tag == "v":
            self.collecting, self.has_value = True, True
        elif tag == "is":
            self.in_inline, self.has_value = True, True
        elif tag == "rPh":
            self.phonetic += 1
        elif tag == "t" and self.in_inline and not self.phonetic:
            self.collecting = True
        elif tag == "row":
            number = attrs.get("r")
            number = int(number) if number else self.row_number + 1
            if number > MAX_ROW:
                raise WorkbookOutOfBounds(number, "A")
            # Gaps are filled only past the highest row yet, so a file cannot make more
            # than MAX_ROW blank rows by jumping back and forth.
            for missing in range(self.highest + 1, number):
                self.pending.append((missing, ()))
            self.highest = max(self.highest, number)
            self.row_number, self.cells, self.column = number, {}, 0

    def end(self, name):
        tag = self.tag(name)
        if tag == "c":
            if self.has_value:
                self.cells[self.column] = self.value()
        elif tag in ("v", "t"):
            self.collecting = False
        elif tag == "is":
            self.in_inline = False
        elif tag == "rPh":
            self.phonetic -= 1
        elif tag == "row":
            cells = self.cells
            width = max(cells) if cells else 0
            self.pending.append((self.row_number, tuple(cells.get(i) for i in range(1, width + 1))))

    def text(self, data):
        if self.collecting:
            self.parts.append(data)

    def value(self):
        text = "".join(self.parts)
        kind = self.cell_type
        if kind == "inlineStr":
            return text
        if not text:
            return None
        if kind == "n":
            number = float(text) if ("." in text or "E" in text or "e" in text) else int(text)
            if self.style in self.date_styles:
                try:
                    return from_excel(number, self.epoch, timedelta=self.style in self.timedelta_styles)
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return number
        if kind == "s":
            return self.shared[int(text)]
        if kind == "b":
            return bool(int(text))
        if kind == "d":
            return from_ISO8601(text)
        return text  # "str" (a formula's text result) and "e" (an error code such as #N/A)


_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")


def _first_sheet(file: BinaryIO) -> tuple[ExcelReader, str]:
    reader = ExcelReader(file, read_only=True, data_only=True, keep_links=False)
    reader.read_manifest()
    reader.read_workbook()
    path = next(
        rel.target
        for _sheet, rel in reader.parser.find_sheets()
        if rel.target in reader.valid_files and "chartsheet" not in rel.Type
    )
    return reader, path


def count_rows(file: BinaryIO, max_expanded: int = 1 << 62) -> int:
    """The rows the first sheet holds (blank ones written out included), without reading its cells."""
    try:
        reader, path = _first_sheet(file)
        count, carried = 0, b""
        with reader.archive.open(path) as opened:
            source = BoundedReader(opened, max_expanded)
            while data := source.read(FEED_BYTES):
                block = carried + data
                # Whole tags before the last "<"; what follows it may be cut, and goes on.
                last = block.rfind(b"<")
                count += len(_ROW_TAG.findall(block, 0, max(last, 0)))
                carried = block[last:] if last >= 0 else b""
        count += len(_ROW_TAG.findall(carried))
        reader.archive.close()
        return count
    except Exception:  # a damaged workbook: the import itself will say so
        return 0


def iter_first_sheet(file: BinaryIO, max_expanded: int = 1 << 62) -> Iterator[tuple[int, tuple]]:
    """(row number, cell values) for each row of the workbook's first worksheet; rows the
    sheet leaves out come as empty tuples, so the numbers are the spreadsheet's own."""
    try:
        reader, sheet_path = _first_sheet(file)
        apply_stylesheet(reader.archive, reader.wb)
        shared: list[str] = []
        strings = reader.package.find(SHARED_STRINGS)
        if strings is not None:
            with reader.archive.open(strings.PartName[1:]) as source:
                shared = read_shared_strings(BoundedReader(source, max_expanded))
    except WorkbookError:
        raise
    except Exception as error:  # a damaged workbook fails in many ways
        raise WorkbookError(str(error)) from None
    book = reader.wb
    sheet = _SheetReader(shared, set(book._date_formats), set(book._timedelta_formats), book.epoch)
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = (
        sheet.start,
        sheet.end,
        sheet.text,
    )
    try:
        with reader.archive.open(sheet_path) as source:
            yield from _feed(parser, BoundedReader(source, max_expanded), sheet.pending)
    except WorkbookError:
        raise
    except (IndexError, ValueError) as error:
        raise WorkbookError(str(error)) from None
    finally:
        reader.archive.close()
