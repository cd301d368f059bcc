"""Reporting periods: a province's quarter, half-year or year, and where it stands in the cycle
open → submitted → approved → accepted (README, *The reporting cycle*).

A period is a row only once someone acts on it; until then it is open. Its dates are fixed
when the row is made (from the reporting calendar's first day, a setting), so that changing
the setting later never moves a period that was already approved.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from access.models import ProvinceScopedQuerySet


class PeriodKind(models.TextChoices):
    QUARTER = "quarter", _("quarter")
    HALF = "half", _("half-year")
    YEAR = "year", _("year")


class PeriodState(models.TextChoices):
    OPEN = "open", pgettext_lazy("reporting period", "not submitted")
    SUBMITTED = "submitted", pgettext_lazy("reporting period", "awaiting approval")
    APPROVED = "approved", pgettext_lazy("reporting period", "approved")
    ACCEPTED = "accepted", pgettext_lazy("reporting period", "accepted")


# Approved and accepted periods refuse every write that would change a count inside them.
LOCKED_STATES = (PeriodState.APPROVED, PeriodState.ACCEPTED)


class ReportingPeriodQuerySet(ProvinceScopedQuerySet):
    def locked(self):
        return self.filter(state__in=LOCKED_STATES)

    def overlapping(self, start, end):
        """Periods that share at least one day with start…end (both inclusive)."""
        return self.filter(start_date__lte=end, end_date__gte=start)


class ReportingPeriod(models.Model):
    province = models.ForeignKey(
        "places.Place",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": "province", "is_current": True},
    )
    kind = models.CharField(_("period"), max_length=10, choices=PeriodKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(_("number"), help_text=_("1–4 for a quarter, 1–2 for a half-year."))
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("to"))
    state = models.CharField(
        pgettext_lazy("reporting period", "state"), max_length=10, choices=PeriodState.choices, default=PeriodState.OPEN
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("approved by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("accepted by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    # The figures as they stood when the period was approved (reporting.stats totals): what
    # was reported upward, to compare with today's figures of the same period.
    approved_figures = models.JSONField(_("figures when approved"), default=dict, blank=True)
    reopened_at = models.DateTimeField(_("last reopened at"), null=True, blank=True)
    reopen_requested_at = models.DateTimeField(_("reopening asked at"), null=True, blank=True)
    reopen_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reopening asked by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    reopen_reason = models.TextField(_("reason for reopening"), blank=True)

    objects = ReportingPeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["province__name", "year", "kind", "number"]
        constraints = [
            models.UniqueConstraint(fields=["province", "kind", "year", "number"], name="reporting_period_unique"),
        ]
        indexes = [models.Index(fields=["province", "state", "start_date", "end_date"])]
        permissions = [
            ("submit_reportingperiod", _("Can submit a reporting period")),
            ("approve_reportingperiod", _("Can approve a reporting period")),
            ("accept_reportingperiod", _("Can accept an approved reporting period")),
            ("reopen_reportingperiod", _("Can reopen an approved reporting period")),
        ]

    def __str__(self) -> str:
        return f"{self.label()} · {self.province.short_name or self.province.name}"

    def label(self) -> str:
        """ "Quý 1/2020", "6 tháng đầu năm 2020", "Năm 2020"."""
        if self.kind == PeriodKind.QUARTER:
            return _("Quarter %(number)s/%(year)s") % {"number": self.number, "year": self.year}
        if self.kind == PeriodKind.HALF:
            if self.number == 1:
                return _("First half of %(year)s") % {"year": self.year}
            return _("Second half of %(year)s") % {"year": self.year}
        return _("Year %(year)s") % {"year": self.year}

    @property
    def is_locked(self) -> bool:
        return self.state in LOCKED_STATES
