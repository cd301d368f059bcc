"""Our XLSX reader gives what openpyxl's read-only mode gives, row numbers included."""

import datetime
import io
import zipfile

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from transfers.xlsx import WorkbookError, iter_first_sheet


def openpyxl_rows(data: bytes) -> list[tuple[int, tuple]]:
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    rows = list(enumerate(book.worksheets[0].iter_rows(values_only=True), start=1))
    book.close()
    return rows


def without_trailing_blanks(rows) -> list[tuple[int, tuple]]:
    kept = []
    for number, row in rows:
        values = list(row)
        while values and values[-1] is None:
            values.pop()
        if values:
            kept.append((number, tuple(values)))
    return kept


def workbook_bytes(write_only: bool) -> bytes:
    book = Workbook(write_only=write_only)
    sheet = book.create_sheet("Dữ liệu") if write_only else book.active
    rows = [
        ["Mã", "Ngày", "Số", "Có", "Công thức", "Ghi chú"],
        ["TH-1", datetime.datetime(2025, 8, 1), 2890, True, "=1+2", "Hội LHPN"],
        [None, None, None, None, None, None],
        ["TH-2", datetime.date(2025, 1, 2), 1.5, False, None, "  cách  "],
        ["TH-3", "01/08/2025", -4, None, None, CellRichText("đậm ", TextBlock(InlineFont(b=True), "và nghiêng"))],
    ]
    for row in rows:
        sheet.append(row)
    if not write_only:
        sheet["C9"] = "row nine"
        book.create_sheet("Second")["A1"] = "never read"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("write_only", [False, True])
def test_values_and_row_numbers_match_openpyxl(write_only):
    data = workbook_bytes(write_only)
    ours = list(iter_first_sheet(io.BytesIO(data)))
    assert without_trailing_blanks(ours) == without_trailing_blanks(openpyxl_rows(data))
    rows = dict(ours)
    assert rows[2][:4] == ("TH-1", datetime.datetime(2025, 8, 1), 2890, True)
    assert rows[5][5] == "đậm và nghiêng"
    if not write_only:
        assert rows[9] == (None, None, "row nine")


def test_a_damaged_sheet_is_refused():
    good = io.BytesIO(workbook_bytes(False))
    damaged = io.BytesIO()
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content[: len(content) // 2]
            target.writestr(item, content)
    damaged.seek(0)
    with pytest.raises(WorkbookError):
        list(iter_first_sheet(damaged))
