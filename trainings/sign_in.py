"""An activity's sign-in list on paper and in a spreadsheet, in the participants template's
columns: a printable sheet to fill in by hand and type back in, and the filled list to
correct and import back. Served among the import screens (trainings.apps registers them)."""

from __future__ import annotations

import io

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.widgets.button import Button

from campaigns.models import Activity
from core.pdf import html_to_pdf
from trainings.resources import PARTICIPANT_COLUMNS, ParticipantResource, sign_in_queryset
from transfers.files import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE
from transfers.registry import TRANSFERS
from transfers.service import export_file


class SignInListExportView(View):
    """An activity's filled sign-in list (its participants and who was present) as XLSX or
    CSV, in the participants template's columns, so that it can be corrected and imported
    back. Personal data: for those who may export participants (managers, not trainers)."""

    def get(self, request, pk: int):
        transfer = TRANSFERS["participants"]
        if not request.user.has_perm(transfer.export_permission):
            raise PermissionDenied
        activity = get_object_or_404(Activity.objects.for_user(request.user), pk=pk)
        fmt = request.GET.get("format", "xlsx")
        if fmt not in ("xlsx", "csv"):
            raise Http404
        buffer = io.BytesIO()
        queryset = sign_in_queryset(activity).order_by("full_name", "pk")
        export_file(ParticipantResource, queryset, fmt, buffer, user=request.user, for_activity=activity)
        content_type = XLSX_CONTENT_TYPE if fmt == "xlsx" else CSV_CONTENT_TYPE
        response = HttpResponse(buffer.getvalue(), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="danh-sach-ky-ten-{activity.pk}.{fmt}"'
        return response


class SignInSheetView(TemplateView):
    """A printable sign-in sheet for an activity: its details and empty numbered rows, in the
    columns of the participants template so that it can be typed back in. ?format=pdf for a PDF."""

    template_name = "trainings/sign_in_sheet.html"
    blank_rows = 30

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("campaigns.view_activity"):
            raise PermissionDenied
        self.activity = get_object_or_404(Activity.objects.for_user(request.user).with_related(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shown = ["full_name", "gender", "birth_year", "ethnicity", "province", "commune", "audience", "phone"]
        columns = [column for key in shown for column in PARTICIPANT_COLUMNS if column.key == key]
        context.update(
            activity=self.activity,
            code=self.activity.external_id or f"#{self.activity.pk}",
            columns=columns,
            rows=range(1, self.blank_rows + 1),
            organisers=", ".join(str(o) for o in self.activity.organisers.all()),
            pdf=self.request.GET.get("format") == "pdf",
        )
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if not context["pdf"]:
            return response
        pdf = html_to_pdf(response.rendered_content, self.request.build_absolute_uri("/"))
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="danh-sach-ky-ten-{self.activity.pk}.pdf"'
        return response


def urlpatterns() -> list:
    return [
        path("sign-in-sheet/<int:pk>/", SignInSheetView.as_view(), name="sign_in_sheet"),
        path("sign-in-list/<int:pk>/", SignInListExportView.as_view(), name="sign_in_list"),
    ]


def sign_in_buttons(request, activity) -> list[Button]:
    """An activity's printable sign-in sheet and, for those who may export participants, its
    filled list: in the activity's menus (trainings.wagtail_hooks, campaigns' activity buttons hook)."""
    buttons = [
        Button(
            _("Sign-in sheet"),
            url=reverse("imports:sign_in_sheet", args=[activity.pk]),
            icon_name="doc-full",
            priority=40,
        )
    ]
    if request.user.has_perm(TRANSFERS["participants"].export_permission):
        for priority, fmt in enumerate(("xlsx", "csv"), start=41):
            buttons.append(
                Button(
                    _("Sign-in list with attendance (%(format)s)") % {"format": fmt.upper()},
                    url=reverse("imports:sign_in_list", args=[activity.pk]) + f"?format={fmt}",
                    icon_name="download",
                    priority=priority,
                )
            )
    return buttons
