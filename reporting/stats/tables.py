"""Totals laid out as a table: the columns every output shares (screen, text, CSV, XLSX, PDF)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.text import grouped
from reporting.stats import DIMENSION_LABELS, MEASURE_LABELS, Totals

# The row keys a dimension shows: (key, label); codes only where with_codes is asked for.
KEY_COLUMNS = {
    "province": [("province_code", "code"), ("province_name", None)],
    "district": [("district_code", "code"), ("district_name", None)],
    "commune": [("commune_code", "code"), ("commune_name", None)],
    "year": [("year", None)],
    "quarter": [("quarter", None)],
    "month": [("month", None)],
    "kind": [("kind", "code"), ("kind_name", None)],
    "campaign": [("campaign_code", None)],
    "organiser": [("organiser", None)],
    "audience": [("audience", "code"), ("audience_name", None)],
}


def columns(result: Totals, *, with_codes: bool = False) -> list[tuple[str, str]]:
    """(row key, heading) for each column: the grouping keys, then the measures."""
    found = []
    for name in result.by:
        for key, role in KEY_COLUMNS[name]:
            if role == "code" and not with_codes:
                continue
            label = _capitalised(DIMENSION_LABELS[name])
            found.append((key, f"{label} ({_('code')})" if role == "code" else label))
    found += [(measure, _capitalised(MEASURE_LABELS[measure])) for measure in result.measures]
    return found


def total_row(result: Totals) -> dict:
    """The total as a row of the same table, its first key column saying "Total"."""
    row = dict(result.total)
    if result.by:
        first_key = columns(result)[0][0]
        row[first_key] = _("Total")
    return row


def cell(value) -> str:
    """A value as text: thousands with ".", as Vietnamese readers write them; "—" for none."""
    if value is None:
        return "—"
    if isinstance(value, int) and not isinstance(value, bool):
        return grouped(value)
    return str(value)


def key_cell(value) -> str:
    """A grouping key as text: as it is (a year stays 2018), "—" for none."""
    return "—" if value is None else str(value)


def _capitalised(label) -> str:
    label = str(label)
    return label[:1].upper() + label[1:]
