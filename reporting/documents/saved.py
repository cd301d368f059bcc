"""Saved reports in the admin: a period, a scope and a template, with the sections a manager
writes (results, difficulties, proposals). Generating one takes the figures afresh from
reporting.stats and keeps her text, so a report regenerated after late records changes its
numbers and not its words. Scoped by province: another province's report is a 404."""

from __future__ import annotations

import contextlib
import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.generic import View
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.widgets import Button

from access.viewsets import ScopedAdminForm, ScopedCreateView, ScopedEditView, ScopedModelViewSet
from core.routers import reads_from_replica
from reporting.documents import make_report
from reporting.documents.defaults import default_template
from reporting.documents.figures import Period
from reporting.documents.render import PdfUnavailable, docx_to_pdf
from reporting.models import ReportTemplate, SavedReport
from reporting.viewsets import ReportMenuItem, ReportPermissionMixin, TotalsReportViewSet

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def generate(report: SavedReport, user) -> bytes:
    """The report's .docx: today's figures for its period and scope, its written sections."""
    template = report.template
    if template is not None and not ReportTemplate.objects.for_user(user).filter(pk=template.pk).exists():
        template = None  # a template the user may not use: the default one of the language
    content = template.content() if template else default_template(report.language)
    period = Period(report.date_from, report.date_to)
    return make_report(content, period, report.province, user, report.language, narrative=report.narrative())


def file_name(report: SavedReport) -> str:
    scope = report.province.short_name if report.province_id else "toan-quoc"
    return slugify(f"bao-cao-{scope}-{report.date_from:%Y%m%d}-{report.date_to:%Y%m%d}")


class SavedReportDocumentView(ReportPermissionMixin, View):
    """DOCX or PDF of a saved report the user may see (another province's: 404)."""

    @reads_from_replica
    def get(self, request, pk: int, wanted: str):
        if not request.user.has_perm("reporting.view_savedreport"):
            raise PermissionDenied
        if wanted not in ("docx", "pdf"):
            raise Http404
        report = get_object_or_404(SavedReport.objects.for_user(request.user).select_related("template"), pk=pk)
        content = generate(report, request.user)
        content_type = DOCX_TYPE
        if wanted == "pdf":
            try:
                content, content_type = docx_to_pdf(content), "application/pdf"
            except PdfUnavailable as error:
                messages.error(request, str(error))
                return redirect("saved_report:edit", pk)
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{file_name(report)}.{wanted}"'
        return response


class WriterMixin:
    """Who wrote the sections last (and who made the report): shown in the list."""

    def save_instance(self):
        instance = self.form.instance
        if instance.pk is None:
            instance.created_by = self.request.user
        instance.updated_by = self.request.user
        return super().save_instance()


class SavedReportCreateView(WriterMixin, ScopedCreateView):
    def get_initial_form_instance(self):
        """A report started from the report documents screen keeps its period, province and language."""
        instance = super().get_initial_form_instance() or SavedReport()
        query = self.request.GET
        for name in ("date_from", "date_to"):
            with contextlib.suppress(ValueError):
                setattr(instance, name, datetime.date.fromisoformat(query.get(name, "")))
        if query.get("language") in dict(ReportTemplate.Language.choices):
            instance.language = query["language"]
        if query.get("province", "").isdigit():
            instance.province_id = int(query["province"])
        return instance


class SavedReportEditView(WriterMixin, ScopedEditView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        for priority, (wanted, label) in enumerate((("docx", _("Download DOCX")), ("pdf", _("Download PDF")))):
            url = reverse("saved_report:document", args=(self.object.pk, wanted))
            buttons.append(Button(label, url=url, icon_name="download", priority=1 + priority))
        return buttons


def _document_link(report: SavedReport) -> str:
    return reverse("saved_report:document", args=(report.pk, "docx"))


class SavedReportViewSet(ScopedModelViewSet):
    model = SavedReport
    icon = "doc-full-inverse"
    menu_label = _("Saved reports")
    url_prefix = "reports/saved"
    add_to_admin_menu = False
    add_view_class = SavedReportCreateView
    edit_view_class = SavedReportEditView
    inspect_view_enabled = False
    copy_view_enabled = False
    list_display = [
        TitleColumn("__str__", label=pgettext_lazy("saved report", "report"), url_name="saved_report:edit"),
        Column("get_language_display", label=_("language")),
        Column("updated_by", label=_("written by")),
        Column("updated_at", label=_("updated")),
        TitleColumn(
            "download", label=_("document"), get_url=_document_link, accessor=lambda report: _("Download DOCX")
        ),
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("province"), FieldRowPanel([FieldPanel("date_from"), FieldPanel("date_to")])],
                heading=_("Period and scope"),
            ),
            FieldRowPanel([FieldPanel("language"), FieldPanel("template")]),
            HelpPanel(
                content=_(
                    "The figures are not stored: each download takes them afresh from the records, so a report "
                    "downloaded again after late records shows the new figures and keeps what you wrote below."
                )
            ),
            FieldPanel("results", heading=_("Results (Kết quả)")),
            FieldPanel("difficulties", heading=_("Difficulties and obstacles (Khó khăn, vướng mắc)")),
            FieldPanel("proposals", heading=_("Proposals and recommendations (Đề xuất, kiến nghị)")),
        ],
        base_form_class=ScopedAdminForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/document/<str:wanted>/", SavedReportDocumentView.as_view(), name="document"),
        ]


class SavedReportsMenuViewSet(TotalsReportViewSet):
    """The saved reports' entry in the Reports menu (the model viewset has no menu of its own)."""

    name = "reports_saved_menu"
    url_prefix = "reports/saved-menu"
    menu_icon = "doc-full-inverse"
    menu_label = _("Saved reports")
    menu_order = 5  # after the report templates (4)
    menu_item_class = ReportMenuItem

    def get_urlpatterns(self):
        return []

    @property
    def menu_url(self):
        return reverse("saved_report:index")


saved_report_viewset = SavedReportViewSet("saved_report")
