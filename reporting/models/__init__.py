"""The reporting app's records: report templates, and the reporting periods a province submits."""

from reporting.models.periods import PeriodKind, PeriodState, ReportingPeriod, ReportingPeriodQuerySet
from reporting.models.saved import NARRATIVE_FIELDS, SavedReport, SavedReportQuerySet
from reporting.models.templates import MAX_TEMPLATE_BYTES, ReportTemplate, ReportTemplateQuerySet, report_storage

__all__ = [
    "MAX_TEMPLATE_BYTES",
    "NARRATIVE_FIELDS",
    "PeriodKind",
    "PeriodState",
    "ReportTemplate",
    "ReportTemplateQuerySet",
    "ReportingPeriod",
    "ReportingPeriodQuerySet",
    "SavedReport",
    "SavedReportQuerySet",
    "report_storage",
]
