"""Admin pages to import, export and download templates (Wagtail admin style, Vietnamese first)."""

from __future__ import annotations

import io

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets.button import Button

from transfers import conf, jobs
from transfers.files import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE
from transfers.models import ImportJob
from transfers.preview import example_row_warning
from transfers.registry import TRANSFERS, Transfer
from transfers.service import ImportReport, export_file
from transfers.template_workbook import template_xlsx


def transfer_or_404(name: str) -> Transfer:
    if name not in TRANSFERS:
        raise Http404
    return TRANSFERS[name]


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File (XLSX or CSV)"),
        help_text=gettext_lazy("The columns of the template; CSV in UTF-8, separated by commas or semicolons."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Only XLSX and CSV files can be imported."))
        if upload.size > conf.max_upload_size():
            raise forms.ValidationError(_("The file is too large."))
        return upload


class TransferMixin:
    permission = "import"

    def transfer_index_url(self) -> str:
        return reverse(f"{self.transfer.listing_model()._meta.model_name}:index")

    def get_breadcrumbs_items(self):
        from django.utils.text import capfirst

        return [
            *self.breadcrumbs_items,
            {
                "url": self.transfer_index_url(),
                "label": capfirst(self.transfer.listing_model()._meta.verbose_name_plural),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def dispatch(self, request, *args, **kwargs):
        self.transfer = transfer_or_404(kwargs["transfer"])
        needed = self.transfer.import_permission if self.permission == "import" else self.transfer.export_permission
        if not request.user.has_perm(needed):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ImportView(TransferMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "transfers/upload.html"
    header_icon = "upload"

    def get_page_title(self):
        return _("Import %(records)s") % {"records": self.transfer.label}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            form=getattr(self, "form", None) or UploadForm(),
            transfer=self.transfer,
            template_url=reverse("imports:template", args=[self.transfer.name]),
            recent=ImportJob.objects.filter(user=self.request.user, transfer=self.transfer.name)[:5],
        )
        return context

    def post(self, request, *args, **kwargs):
        self.form = UploadForm(request.POST, request.FILES)
        if not self.form.is_valid():
            return self.get(request, *args, **kwargs)
        job = jobs.create_job(self.transfer.name, request.user, self.form.cleaned_data["file"])
        jobs.start(job, confirm=False)
        return redirect("imports:job", self.transfer.name, job.pk)


class JobView(TransferMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "transfers/job.html"
    header_icon = "upload"

    def get_page_title(self):
        return _("Import %(records)s") % {"records": self.transfer.label}

    def get_job(self) -> ImportJob:
        return get_object_or_404(ImportJob, pk=self.kwargs["pk"], user=self.request.user, transfer=self.transfer.name)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        job = self.get_job()
        report = (
            ImportReport.from_dict({k: v for k, v in job.report.items() if k != "language"}) if job.report else None
        )
        done = jobs.read_progress(job) if job.running else job.estimated_rows
        context.update(
            job=job,
            transfer=self.transfer,
            report=report,
            done=done,
            total=max(job.estimated_rows, done, 1),
            percent=min(100, round(100 * done / max(job.estimated_rows, 1))) if job.running else 100,
            index_url=self.transfer_index_url(),
        )
        if report is not None:
            context.update(
                unshown_rows=max(report.rows - len(report.readings), 0) if report.readings else 0,
                example_warning=example_row_warning(report.example_rows) if report.example_rows else "",
            )
        return context

    def post(self, request, *args, **kwargs):
        job = self.get_job()
        if request.POST.get("action") == "cancel" or job.status != ImportJob.Status.CHECKED:
            if job.status == ImportJob.Status.CHECKED or job.running:
                jobs.cancel(job)
            return redirect("imports:job", self.transfer.name, job.pk)
        jobs.start(job, confirm=True)
        return redirect("imports:job", self.transfer.name, job.pk)


class TemplateDownloadView(TransferMixin, View):
    def get(self, request, *args, **kwargs):
        response = HttpResponse(template_xlsx(self.transfer.resource), content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="mau-{self.transfer.file_stem}.xlsx"'
        return response


class ExportView(TransferMixin, View):
    """The list's records as the user filtered them, in the template's columns."""

    permission = "export"

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("format", "xlsx")
        if fmt not in ("xlsx", "csv"):
            raise Http404
        queryset = self.transfer.queryset(request.user)
        filterset_class = self.transfer.filterset
        if filterset_class is not None:
            queryset = filterset_class(request.GET, queryset=queryset, request=request).qs
        buffer = io.BytesIO()
        export_file(self.transfer.resource, queryset, fmt, buffer, user=request.user)
        content_type = XLSX_CONTENT_TYPE if fmt == "xlsx" else CSV_CONTENT_TYPE
        response = HttpResponse(buffer.getvalue(), content_type=content_type)
        stamp = timezone.localdate().strftime("%Y%m%d")
        response["Content-Disposition"] = f'attachment; filename="{self.transfer.file_stem}-{stamp}.{fmt}"'
        return response


class ImportsViewSet(ViewSet):
    name = "imports"
    url_prefix = "imports"

    def get_urlpatterns(self):
        # A transfer's own screens first: "<str:transfer>/<int:pk>/" would take theirs.
        return [
            *(pattern for transfer in TRANSFERS.values() for pattern in transfer.urlpatterns()),
            path("<str:transfer>/", ImportView.as_view(), name="upload"),
            path("<str:transfer>/<int:pk>/", JobView.as_view(), name="job"),
            path("<str:transfer>/template/", TemplateDownloadView.as_view(), name="template"),
            path("<str:transfer>/export/", ExportView.as_view(), name="export"),
        ]


def transfer_buttons(request, transfer_name: str, extra_names: tuple[str, ...] = ()) -> list[Button]:
    """Import / Export / Download template buttons for a list, as the user's permissions allow."""
    buttons = []
    query = request.GET.copy()
    for name in (transfer_name, *extra_names):
        transfer = TRANSFERS[name]
        suffix = "" if name == transfer_name else f" ({transfer.label})"
        if request.user.has_perm(transfer.import_permission):
            buttons.append(
                Button(
                    _("Import") + suffix, url=reverse("imports:upload", args=[name]), icon_name="upload", priority=50
                )
            )
            buttons.append(
                Button(
                    _("Download template") + suffix,
                    url=reverse("imports:template", args=[name]),
                    icon_name="download",
                    priority=51,
                )
            )
        if request.user.has_perm(transfer.export_permission):
            for fmt in ("xlsx", "csv"):
                query["format"] = fmt
                url = (
                    reverse("imports:export", args=[name])
                    + "?"
                    + (query.urlencode() if name == transfer_name else f"format={fmt}")
                )
                buttons.append(
                    Button(
                        _("Export %(format)s") % {"format": fmt.upper()} + suffix,
                        url=url,
                        icon_name="download",
                        priority=52,
                    )
                )
    return buttons


class TransferButtonsMixin:
    """For an index view: the import/export buttons in the header's “more” menu."""

    transfer_name = ""
    extra_transfer_names: tuple[str, ...] = ()

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        return buttons + transfer_buttons(self.request, self.transfer_name, self.extra_transfer_names)
