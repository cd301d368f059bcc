"""Admin screens of the report documents: choose the period, province, template and language,
see the headline and the map, download DOCX or PDF; download the default templates."""

from __future__ import annotations

import datetime

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput

from access.models import places_visible_to
from core.fields import DayField
from core.routers import reads_from_replica
from places.models import Place
from reporting.documents import make_report, report_map
from reporting.documents.context import FIELDS, report_context
from reporting.documents.defaults import default_template
from reporting.documents.figures import Period
from reporting.documents.render import PdfUnavailable, docx_to_pdf
from reporting.models import ReportTemplate
from reporting.viewsets import ReportPermissionMixin

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LANGUAGES = ReportTemplate.Language.choices


class DocumentForm(forms.Form):
    date_from = DayField(label=gettext_lazy("from"))
    date_to = DayField(label=gettext_lazy("to"))
    province = forms.ModelChoiceField(
        label=gettext_lazy("province"),
        queryset=Place.objects.none(),
        required=False,
        help_text=gettext_lazy("Empty: every province you work in."),
    )
    template = forms.ModelChoiceField(
        label=gettext_lazy("template"),
        queryset=ReportTemplate.objects.none(),
        required=False,
        help_text=gettext_lazy("Empty: the default template of the language."),
    )
    language = forms.ChoiceField(label=gettext_lazy("language"), choices=LANGUAGES, initial="vi")

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        provinces = Place.objects.filter(level="province", is_current=True).order_by("name")
        self.fields["province"].queryset = places_visible_to(user, provinces)
        self.fields["template"].queryset = ReportTemplate.objects.for_user(user).select_related("province")
        for name in ("date_from", "date_to"):
            self.fields[name].widget = AdminDateInput()
        for field in self.fields.values():
            field.label = capfirst(field.label)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            raise forms.ValidationError(_("The period ends before it starts."))
        return cleaned

    def period(self) -> Period:
        return Period(self.cleaned_data["date_from"], self.cleaned_data["date_to"])

    def template_content(self) -> bytes:
        chosen = self.cleaned_data.get("template")
        return chosen.content() if chosen else default_template(self.cleaned_data["language"])


def _attachment(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


class DocumentReportView(ReportPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "reporting/documents.html"
    page_title = gettext_lazy("Report documents")
    header_icon = "doc-full"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Reports")}, {"url": "", "label": self.page_title}]

    @reads_from_replica
    def get(self, request, *args, **kwargs):
        today = datetime.date.today()
        initial = {"date_from": datetime.date(today.year, 1, 1), "date_to": today, "language": "vi"}
        self.form = DocumentForm(request.GET or None, user=request.user, initial=initial)
        self.error = None
        if self.form.is_bound and self.form.is_valid():
            wanted = request.GET.get("format")
            if wanted in ("docx", "pdf"):
                try:
                    return self.download(wanted)
                except PdfUnavailable as error:
                    self.error = str(error)
                except Exception as error:  # a stored template that fails at run time: said on the screen
                    self.error = _("The template could not be filled: %(error)s") % {"error": error}
        return super().get(request, *args, **kwargs)

    def download(self, wanted: str) -> HttpResponse:
        data = self.form.cleaned_data
        content = make_report(
            self.form.template_content(), self.form.period(), data["province"], self.request.user, data["language"]
        )
        scope = data["province"].short_name if data["province"] else "toan-quoc"
        name = slugify(f"bao-cao-{scope}-{data['date_from']:%Y%m%d}-{data['date_to']:%Y%m%d}")
        if wanted == "pdf":
            return _attachment(docx_to_pdf(content), "application/pdf", f"{name}.pdf")
        return _attachment(content, DOCX_TYPE, f"{name}.docx")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(form=self.form, error=self.error, fields=FIELDS)
        if self.form.is_bound and self.form.is_valid():
            data = self.form.cleaned_data
            with override(data["language"]):
                figures, values = report_context(self.form.period(), data["province"], self.request.user)
                drawn = report_map(figures, self.request.user, link=self.province_link)
            context.update(preview=values, map_svg=mark_safe(drawn.svg))
            query = self.request.GET.copy()
            query.pop("format", None)
            context["query"] = query.urlencode()
            keep = {"date_from": data["date_from"], "date_to": data["date_to"], "language": data["language"]}
            if data["province"]:
                keep["province"] = data["province"].pk
            context["save_url"] = reverse("saved_report:add") + "?" + urlencode(keep)
        return context

    def province_link(self, code: str) -> str:
        """A province's shape opens its figures: the totals report for the same period."""
        data = self.form.cleaned_data
        query = {"place": code, "by": "kind", "date_from": data["date_from"], "date_to": data["date_to"]}
        return reverse("reports_totals:index") + "?" + urlencode(query)


class DefaultTemplateView(ReportPermissionMixin, View):
    """The default template of a language, to edit and upload as a template of one's own."""

    def get(self, request, language: str):
        if language not in dict(LANGUAGES):
            raise Http404
        return _attachment(default_template(language), DOCX_TYPE, f"mau-bao-cao-{language}.docx")


class TemplateFileView(ReportPermissionMixin, View):
    """A stored template's file, for those who may use it (their provinces' and national ones)."""

    def get(self, request, pk: int):
        template = get_object_or_404(ReportTemplate.objects.for_user(request.user), pk=pk)
        return _attachment(template.content(), DOCX_TYPE, f"{slugify(template.name) or 'mau'}.docx")
