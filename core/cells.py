"""What a cell of a Vietnamese spreadsheet may hold, and how it becomes a Python value.

People type dates as 23/11/2025 (or a spreadsheet stores a real date), numbers with "."
between thousands ("2.890"), and names with or without diacritics. Spreadsheets run a
cell that starts with = + - @ (or a tab or carriage return) as a formula: exports put an
apostrophe in front of such text and imports take it off again.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from django.utils.translation import gettext as _

from core.text import without_control_characters

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXCEL_EPOCH = datetime.date(1899, 12, 30)
# Serial day numbers a spreadsheet may give for a date cell without a date format: 1954–2118.
EXCEL_SERIALS = range(20_000, 80_000)

_THOUSANDS_RE = re.compile(r"^\d{1,3}(\.\d{3})+$")
_SPACES_IN_NUMBER_RE = re.compile(r"[\s\u00a0\u202f]")
_DAY_FIRST_RE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")


# Characters that XLSX (XML 1.0) cannot hold at all: writing one makes openpyxl fail.
_XML_ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def starts_formula(text: str) -> bool:
    """Whether a spreadsheet may run `text`: a formula sign first, also after leading spaces
    or line breaks, and in its full-width form (＝ ＋ － ＠), which spreadsheet programs
    with East Asian input read as the plain sign."""
    if text.startswith(FORMULA_STARTS):
        return True
    rest = text.lstrip()
    return bool(rest) and unicodedata.normalize("NFKC", rest[0])[:1] in ("=", "+", "-", "@")


def escape_formula(value):
    """Text that a spreadsheet would run gets a leading apostrophe; other values stay.
    Characters no spreadsheet file can hold (NUL and other control characters) are dropped."""
    if not isinstance(value, str):
        return value
    value = _XML_ILLEGAL_RE.sub("", value)
    return "'" + value if starts_formula(value) else value


def normalise(value):
    """A cell as read: text in NFC without control characters or surrounding spaces, "" as
    None, an escaping apostrophe removed."""
    if isinstance(value, str):
        value = without_control_characters(value)
        value = value.strip() if value.isascii() else unicodedata.normalize("NFC", value).strip()
        if value.startswith("'") and starts_formula(value[1:]):
            value = value[1:]
        return value or None
    return value


def parse_int(value) -> int | None:
    """ "2.890" → 2890, "15.000" → 15000, 12 → 12, 12.0 → 12; None for an empty cell."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(_("“%(value)s” is not a whole number.") % {"value": value})
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise ValueError(_("“%(value)s” is not a whole number.") % {"value": value})
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    text = _SPACES_IN_NUMBER_RE.sub("", str(value))
    if _THOUSANDS_RE.match(text):
        return int(text.replace(".", ""))
    if text.isdigit():
        return int(text)
    if text.startswith("-") and text[1:].isdigit():
        return int(text)
    raise ValueError(_("“%(value)s” is not a whole number.") % {"value": value})


def parse_date(value) -> datetime.date | None:
    """23/11/2025, 23-11-2025, 2025-11-23, a spreadsheet date, or its serial number."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and int(value) in EXCEL_SERIALS:
        return EXCEL_EPOCH + datetime.timedelta(days=int(value))
    text = str(value).strip()
    try:
        if match := _DAY_FIRST_RE.match(text):
            day, month, year = (int(part) for part in match.groups())
            return datetime.date(year, month, day)
        if match := _ISO_RE.match(text):
            year, month, day = (int(part) for part in match.groups())
            return datetime.date(year, month, day)
    except ValueError:
        raise ValueError(_("“%(value)s” is not a date in the calendar.") % {"value": value}) from None
    raise ValueError(_("“%(value)s” is not a date: write it as dd/mm/yyyy.") % {"value": value})


def format_date(value: datetime.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def split_list(value) -> list[str]:
    """ "Hội LHPN; Công an" → ["Hội LHPN", "Công an"] (";" or a new line between items)."""
    if value is None:
        return []
    return [item.strip() for item in re.split(r"[;\n]", str(value)) if item.strip()]
