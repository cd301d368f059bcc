"""Wagtail's own spreadsheet exports (site history, page reports, listings) escaped as ours.

Wagtail writes report cells as they are stored: an edited title "=HYPERLINK(…)" in the
site-history CSV runs as a formula in the spreadsheet program of whoever opens it. Every
one of those views goes through SpreadsheetExportMixin.preprocess_field_value, so the
project's one escaping rule is applied there, once, for all of them.
"""

from __future__ import annotations

from wagtail.admin.views.mixins import SpreadsheetExportMixin

from core.cells import escape_formula

_wagtail_preprocess = SpreadsheetExportMixin.preprocess_field_value


def _escaped_preprocess(self, field, value, export_format):
    return escape_formula(_wagtail_preprocess(self, field, value, export_format))


def install() -> None:
    SpreadsheetExportMixin.preprocess_field_value = _escaped_preprocess
