"""A saved report: the period, scope and template of a report document, with the sections a
manager writes herself (results, difficulties, proposals). The figures are not stored:
each generation takes them afresh from reporting.stats, so a report regenerated after late
records has the new figures and the same text."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from access.models import ProvinceScopedQuerySet
from reporting.models.templates import ReportTemplate

# The sections a manager writes, in the order of the document: (field, heading).
NARRATIVE_FIELDS = ("results", "difficulties", "proposals")


class SavedReportQuerySet(ProvinceScopedQuerySet):
    """Scoped by province: a provincial manager sees her provinces' reports only; a national
    report (no province) is national staff's."""

    def with_related(self):
        return self.select_related("province", "updated_by")


class SavedReport(models.Model):
    province = models.ForeignKey(
        "places.Place",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": "province", "is_current": True},
        help_text=_("Empty: a national report (national staff only)."),
    )
    date_from = models.DateField(_("from"))
    date_to = models.DateField(_("to"))
    template = models.ForeignKey(
        "reporting.ReportTemplate",
        verbose_name=_("template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty: the default template of the language."),
    )
    language = models.CharField(_("language"), max_length=5, choices=ReportTemplate.Language.choices, default="vi")
    results = models.TextField(
        _("results"),
        blank=True,
        help_text=_("Your own account of the results. A blank line starts a new paragraph."),
    )
    difficulties = models.TextField(_("difficulties and obstacles"), blank=True)
    proposals = models.TextField(_("proposals and recommendations"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SavedReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("saved report")
        verbose_name_plural = _("saved reports")
        ordering = ["-date_to", "province__name"]

    def __str__(self) -> str:
        return f"{self.scope_name()}, {self.date_from:%d/%m/%Y}–{self.date_to:%d/%m/%Y}"

    def scope_name(self) -> str:
        return self.province.name if self.province_id else str(_("the whole country"))

    def clean(self) -> None:
        super().clean()
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise ValidationError({"date_to": _("The period ends before it starts.")})
        template = self.template
        if template is not None and template.province_id and template.province_id != self.province_id:
            raise ValidationError({"template": _("This template is another province's.")})

    def narrative(self) -> dict[str, str]:
        """The written sections, as the template fields of the same names."""
        return {name: getattr(self, name).strip() for name in NARRATIVE_FIELDS}
