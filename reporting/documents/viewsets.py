"""Admin registration of the report documents: the report screen, the default templates, and
the report templates (a scoped model viewset: a provincial manager sees their provinces'
templates and the national ones, and changes only their provinces')."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn

from access.viewsets import (
    ScopedAdminForm,
    ScopedCreateView,
    ScopedDeleteView,
    ScopedEditView,
    ScopedHistoryView,
    ScopedModelViewSet,
    ScopedUsageView,
)
from reporting.documents.context import FIELDS
from reporting.documents.views import DefaultTemplateView, DocumentReportView, TemplateFileView
from reporting.models import ReportTemplate
from reporting.viewsets import ReportMenuItem, TotalsReportViewSet


def _fields_help() -> str:
    return render_to_string("reporting/template_fields.html", {"fields": FIELDS})


class UploaderMixin:
    def save_instance(self):
        self.form.instance.uploaded_by = self.request.user
        return super().save_instance()


class EditableMixin:
    """Change, delete or read the history only of templates of one's own provinces: a
    national template is used by provincial staff, never changed by them."""

    def get_scoped_queryset(self):
        return ReportTemplate.objects.editable_by(self.request.user)


class TemplateCreateView(UploaderMixin, ScopedCreateView):
    pass


class TemplateEditView(UploaderMixin, EditableMixin, ScopedEditView):
    pass


class TemplateDeleteView(EditableMixin, ScopedDeleteView):
    pass


class TemplateHistoryView(EditableMixin, ScopedHistoryView):
    pass


class TemplateUsageView(EditableMixin, ScopedUsageView):
    pass


class ReportTemplateViewSet(ScopedModelViewSet):
    model = ReportTemplate
    icon = "doc-full"
    menu_label = _("Report templates")
    url_prefix = "reports/templates"
    add_to_admin_menu = False
    add_view_class = TemplateCreateView
    edit_view_class = TemplateEditView
    delete_view_class = TemplateDeleteView
    history_view_class = TemplateHistoryView
    usage_view_class = TemplateUsageView
    inspect_view_enabled = False
    list_display = [
        TitleColumn("name", label=_("name"), url_name="report_template:edit"),
        Column("scope_name", label=_("province")),
        Column("get_language_display", label=_("language")),
        Column("updated_at", label=_("updated")),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("language"),
            FieldPanel("province"),
            FieldPanel("file"),
            HelpPanel(content=lazy(_fields_help, str)(), heading=_("Fields a template can use")),
        ],
        base_form_class=ScopedAdminForm,
    )


class TemplatesMenuViewSet(TotalsReportViewSet):
    """The templates' entry in the Reports menu (the model viewset has no menu of its own)."""

    name = "reports_templates_menu"
    url_prefix = "reports/template-downloads"
    menu_icon = "doc-full"
    menu_label = _("Report templates")
    menu_order = 4
    menu_item_class = ReportMenuItem

    def get_urlpatterns(self):
        return [
            path("default/<str:language>/", DefaultTemplateView.as_view(), name="default"),
            path("<int:pk>/", TemplateFileView.as_view(), name="file"),
        ]

    @property
    def menu_url(self):
        return reverse("report_template:index")


class DocumentsViewSet(TotalsReportViewSet):
    name = "reports_documents"
    url_prefix = "reports/documents"
    menu_icon = "doc-full"
    menu_label = _("Report documents")
    menu_order = 3

    def get_urlpatterns(self):
        return [path("", DocumentReportView.as_view(), name="index")]


report_template_viewset = ReportTemplateViewSet("report_template")
