"""The managers' report: totals with subtotals, the filters stated, as a screen table, XLSX or PDF.

Every number comes from reporting.stats; this module only lays them out, so the screen,
the spreadsheet and the PDF show exactly the same table.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core.cells import escape_formula
from core.pdf import html_to_pdf
from reporting.stats import Totals, totals
from reporting.stats.query import TotalsQueryForm
from reporting.stats.tables import KEY_COLUMNS, columns, total_row

# A spreadsheet runs a cell that begins with one of these as a formula.


@dataclass
class ReportLine:
    values: dict
    kind: str = "row"  # "row", "subtotal" or "total"


@dataclass
class Report:
    """What the report page shows: the filters in words, the columns, and the lines in order."""

    result: Totals
    filters_stated: list[tuple[str, str]]
    columns: list[tuple[str, str]]
    lines: list[ReportLine] = field(default_factory=list)
    scoped: bool = False


def build_report(form: TotalsQueryForm, user) -> Report:
    """The report for a valid form: rows, a subtotal after each group of the first grouping
    (when there are two or more), and the total."""
    by = form.cleaned_data["by"] or ["province"]
    filters = form.to_filters()
    as_recorded = form.cleaned_data["as_recorded"]
    result = totals(by, filters, user=user, as_recorded=as_recorded)
    report = Report(result, state_filters(form), columns(result))
    report.scoped = _scoped(user)
    subtotals = {}
    if len(result.by) > 1:
        first = result.by[0]
        for row in totals([first], filters, user=user, as_recorded=as_recorded).rows:
            subtotals[_identity(first, row)] = row
    previous = None
    for row in result.rows:
        identity = _identity(result.by[0], row)
        if subtotals and previous is not None and identity != previous:
            report.lines.append(_subtotal(result, subtotals, previous))
        report.lines.append(ReportLine(row))
        previous = identity
    if subtotals and previous is not None:
        report.lines.append(_subtotal(result, subtotals, previous))
    report.lines.append(ReportLine(total_row(result), "total"))
    return report


def _scoped(user) -> bool:
    from access.models import province_ids_for

    return province_ids_for(user) is not None


def _identity(name: str, row: dict) -> tuple:
    return tuple(row.get(key) for key, _role in KEY_COLUMNS[name])


def _subtotal(result: Totals, subtotals: dict, identity: tuple) -> ReportLine:
    row = dict(subtotals.get(identity, {}))
    label_key = columns(result)[0][0]
    row[label_key] = _("Subtotal: %(group)s") % {"group": row.get(label_key) or "—"}
    return ReportLine(row, "subtotal")


def state_filters(form: TotalsQueryForm) -> list[tuple[str, str]]:
    """The filters in words, as the report states them ("From: 01/01/2018")."""
    data = form.cleaned_data
    stated = []
    for name in ("date_from", "date_to", "campaign", "kind", "organiser", "audience", "place"):
        value = data.get(name)
        if not value:
            continue
        if name in ("date_from", "date_to"):
            text = date_format(value, "d/m/Y")
        elif name == "kind":
            choices = dict(form.fields["kind"].choices)
            text = ", ".join(str(choices[item]) for item in value)
        else:
            text = str(value)
        stated.append((str(form.fields[name].label).capitalize(), text))
    by = data.get("by") or ["province"]
    choices = dict(form.fields["by"].choices)
    stated.append((_("Grouped by"), ", ".join(str(choices[name]) for name in by)))
    if data.get("as_recorded"):
        stated.append((_("Places"), _("units as they were at the time")))
    return stated


def spreadsheet_text(value) -> object:
    """A cell value that a spreadsheet shows and never runs: text that would start a formula
    gets a leading apostrophe (the one rule of core.cells.escape_formula)."""
    return escape_formula(value)


def report_xlsx(report: Report, title: str) -> bytes:
    """The report as an XLSX workbook: title, filters, then the same table as the screen."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Report")[:31]
    bold = Font(bold=True)
    sheet.append([spreadsheet_text(title)])
    sheet["A1"].font = Font(bold=True, size=14)
    for label, text in report.filters_stated:
        sheet.append([spreadsheet_text(label), spreadsheet_text(text)])
    sheet.append([_("Made on"), date_format(timezone.localtime(), "d/m/Y H:i")])
    sheet.append([])
    sheet.append([heading for _key, heading in report.columns])
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    header_row = sheet.max_row
    for line in report.lines:
        sheet.append([spreadsheet_text(line.values.get(key)) for key, _heading in report.columns])
        if line.kind != "row":
            for cell in sheet[sheet.max_row]:
                cell.font = bold
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    for index, (_key, heading) in enumerate(report.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(40, len(heading) + 2))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def report_pdf(report: Report, title: str, request) -> bytes:
    """The report as a print-ready A4 PDF (WeasyPrint), with the filters stated on it."""
    html = render_to_string(
        "reporting/totals_pdf.html",
        {"report": report, "title": title, "made_on": timezone.localtime(), "user": request.user},
        request=request,
    )
    return html_to_pdf(html, request.build_absolute_uri("/"))
