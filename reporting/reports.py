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
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core.cells import escape_formula
from core.pdf import html_to_pdf
from reporting.conf import period_first_day
from reporting.models import PeriodKind, PeriodState, ReportingPeriod
from reporting.periods.calendar import exact_period
from reporting.periods.services import states_between
from reporting.stats import Totals, normalise_by, spread, totals
from reporting.stats.families import MEASURE_FAMILY
from reporting.stats.labels import row_labels
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
    subtotals: dict[tuple, dict] = field(default_factory=dict)  # by the first grouping's keys
    # Where the reporting periods of its dates stand (reporting.periods.services.states_between).
    period_states: list[dict] = field(default_factory=list)

    def rows_by(self, by) -> list[dict] | None:
        """The rows of this report grouped by `by` (its table, or its subtotals), without
        asking again; None when the report holds no such rows."""
        by = normalise_by(by)
        if by == self.result.by:
            return self.result.rows
        if self.subtotals and by == self.result.by[:1]:
            return list(self.subtotals.values())
        return None


# Groupings where a record can fall in several rows (an activity with two organisers, or two
# audiences): a sum of those rows counts it twice, so their totals are asked for, not summed.
MANY_PER_RECORD = {"organiser", "audience"}
# Measures that no sum of rows gives: one person at two sessions is one person.
DISTINCT_MEASURES = {"unique_participants"}


def build_report(form: TotalsQueryForm, user) -> Report:
    """The report for a valid form: rows, a subtotal after each group of the first grouping
    (when there are two or more), and the total. The table is asked for once; the subtotals
    are its rows summed where a sum is exact, asked again only for the rest."""
    by = form.cleaned_data["by"] or ["province"]
    filters = form.to_filters()
    as_recorded = form.cleaned_data["as_recorded"]
    at_start = form.cleaned_data.get("batches_at_start", False)
    result = totals(by, filters, user=user, as_recorded=as_recorded, batches_at_start=at_start)
    report = Report(result, scope_stated(form, user) + state_filters(form), columns(result))
    report.scoped = _scoped(user)
    report.period_states = states_between(user, filters.date_from, filters.date_to, province=_province(filters))
    row_states = period_column(result, as_recorded=as_recorded)
    if row_states:
        report.columns.insert(len(report.columns) - len(result.measures), (STATE_KEY, _("Reporting period")))
    if len(result.by) > 1:
        report.subtotals = first_level(result, user=user, as_recorded=as_recorded)
    previous = None
    for row in result.rows:
        identity = _identity(result.by[0], row)
        if report.subtotals and previous is not None and identity != previous:
            report.lines.append(_subtotal(result, report.subtotals, previous))
        report.lines.append(ReportLine({**row, STATE_KEY: row_states.get(id(row), "")} if row_states else row))
        previous = identity
    if report.subtotals and previous is not None:
        report.lines.append(_subtotal(result, report.subtotals, previous))
    report.lines.append(ReportLine(total_row(result), "total"))
    return report


STATE_KEY = "period_state"


def _province(filters):
    """The current province a report's place lies in, or None (the reader's provinces)."""
    place = filters.place
    if place is None:
        return None
    province = place if place.level == "province" else place.province
    return province.successor or province


def period_column(result: Totals, *, as_recorded: bool) -> dict[int, str]:
    """The state of each row's reporting period, keyed by id() of the row, where a row is a
    province's period: grouped by province and by quarter or year, or by province over dates
    that are exactly one period. Empty where rows are not periods (one query, or none)."""
    if "province" not in result.by or as_recorded:
        return {}
    filters = result.filters
    fixed = None
    # The totals' quarters and months are the calendar's: they are periods only when the
    # reporting calendar starts on the 1st.
    calendar = period_first_day() == 1
    if calendar and {"quarter", "month"} & set(result.by):
        kind = PeriodKind.QUARTER
    elif calendar and "year" in result.by:
        kind = PeriodKind.YEAR
    else:
        fixed = exact_period(filters.date_from, filters.date_to)
        if fixed is None:
            return {}
        kind = fixed[0]
    wanted = {}
    for row in result.rows:
        year, number = (fixed[1], fixed[2]) if fixed else (row.get("year"), _number(kind, row))
        if row.get("province_code") and year and number:
            wanted[id(row)] = (row["province_code"], year, number)
    stored = {
        (code, year, number): label
        for code, year, number, label in _states(kind, {year for _c, year, _n in wanted.values()})
    }
    not_submitted = str(PeriodState.OPEN.label)
    return {key: stored.get(period, not_submitted) for key, period in wanted.items()}


def _number(kind: str, row: dict) -> int | None:
    if kind == PeriodKind.YEAR:
        return 1
    if row.get("quarter"):
        return row["quarter"]
    return (row["month"] - 1) // 3 + 1 if row.get("month") else None


def _states(kind: str, years: set[int]):
    labels = dict(PeriodState.choices)
    rows = ReportingPeriod.objects.filter(kind=kind, year__in=years, province__is_current=True).values_list(
        "province__code", "year", "number", "state"
    )
    return [(code, year, number, str(labels[state])) for code, year, number, state in rows]


def first_level(result: Totals, *, user, as_recorded: bool) -> dict[tuple, dict]:
    """The totals of `result` by its first grouping, keyed as `_identity` keys them: sums
    of its rows for the measures a sum gives exactly, one more call of `totals` (for those
    measures only) for the others."""
    first = result.by[0]
    summed, asked = _how_to_subtotal(result)
    label_keys = list(row_labels([first], [])[first](None))
    groups: dict[tuple, dict] = {}
    for row in result.rows:
        group = groups.setdefault(
            _identity(first, row),
            # A measure asked again is 0 in a group where its records are none, as in totals().
            {**{key: row.get(key) for key in label_keys}, **dict.fromkeys(result.measures), **dict.fromkeys(asked, 0)},
        )
        for measure in summed:
            if row[measure] is not None:
                group[measure] = (group[measure] or 0) + row[measure]
    if asked:
        again = totals(
            [first],
            result.filters,
            user=user,
            as_recorded=as_recorded,
            measures=asked,
            batches_at_start=result.at_start,
        )
        for row in again.rows:
            group = groups.get(_identity(first, row))
            if group is not None:
                group.update({measure: row[measure] for measure in asked})
    return groups


def _how_to_subtotal(result: Totals) -> tuple[list[str], list[str]]:
    """(measures summed from the rows, measures asked again by the first grouping alone)."""
    first, rest = result.by[0], set(result.by[1:])
    summed, asked = [], []
    for measure in result.measures:
        family = MEASURE_FAMILY[measure]
        if (
            family.applies(result.by, result.filters)
            and measure not in DISTINCT_MEASURES
            and not rest & MANY_PER_RECORD
            # A batch spread over periods counts as a record in each of them.
            and not (measure in spread.COUNTED and rest & set(spread.PERIODS) and not result.at_start)
        ):
            summed.append(measure)
        elif family.applies([first], result.filters):
            asked.append(measure)
    return summed, asked


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


def scope_stated(form: TotalsQueryForm, user) -> list[tuple[str, str]]:
    """What a report covers, stated first on the screen and heading its exports: the
    provinces (the place asked for, else the reader's provinces, else all of them) and the
    period (its dates, or every date)."""
    from access.models import StaffScope, province_ids_for

    data = form.cleaned_data
    place = data.get("place")
    if place is not None:
        province = place if place.level == "province" else place.province
        where = str(province.short_name) if place.level == "province" else f"{place}, {province.short_name}"
    elif province_ids_for(user) is None:
        where = _("all provinces")
    else:
        names = sorted(
            StaffScope.provinces.through.objects.filter(staffscope__user=user).values_list(
                "place__short_name", flat=True
            )
        )
        where = _("the provinces you work in: %(names)s") % {"names": ", ".join(names) or "—"}
    start, end = data.get("date_from"), data.get("date_to")
    if start or end:
        period = f"{date_format(start, 'd/m/Y') if start else '…'} – {date_format(end, 'd/m/Y') if end else '…'}"
    else:
        period = _("every date recorded")
    return [(pgettext("report scope", "Provinces"), where), (pgettext("report scope", "Period"), period)]


def state_filters(form: TotalsQueryForm) -> list[tuple[str, str]]:
    """The filters in words, as the report states them ("From: 01/01/2018")."""
    data = form.cleaned_data
    stated = []
    for name in ("campaign", "kind", "organiser", "audience", "place"):
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
    if data.get("batches_at_start"):
        stated.append((_("Batches"), _("wholly in the period they started")))
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
    if report.scoped:
        sheet.append([_("The numbers cover only the provinces you work in.")])
    _period_states_rows(sheet, report.period_states, bold)
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


def _period_states_rows(sheet, rows: list[dict], bold) -> None:
    """Where the reporting periods of the report's dates stand, as on the screen."""
    if not rows:
        return
    sheet.append([])
    sheet.append(
        [
            _("Reporting periods of these dates"),
            pgettext("reporting period", "accepted"),
            pgettext("reporting period", "approved"),
            pgettext("reporting period", "awaiting approval"),
            pgettext("reporting period", "not submitted"),
        ]
    )
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    for row in rows:
        sheet.append([row["label"], row["accepted"], row["approved"], row["submitted"], row["open"]])
    sheet.append(
        [
            _(
                "Numbers of provinces in each state. The figures of a period that is not yet approved are "
                "provisional: they can still change."
            )
        ]
    )


def report_pdf(report: Report, title: str, request) -> bytes:
    """The report as a print-ready A4 PDF (WeasyPrint), with the filters stated on it."""
    html = render_to_string(
        "reporting/totals_pdf.html",
        {"report": report, "title": title, "made_on": timezone.localtime(), "user": request.user},
        request=request,
    )
    return html_to_pdf(html, request.build_absolute_uri("/"))
