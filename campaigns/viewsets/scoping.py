"""Admin views that show and change only the records of the user's provinces.

A record of another province is simply not found (404), whichever view is asked for it.
"""

import copy

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import ButtonsColumnMixin, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet

from campaigns.models.scoping import province_ids_for


class ScopedObjectMixin:
    """Fetch the object through `for_user`, so another province's record is a 404."""

    def get_scoped_queryset(self):
        return self.model._default_manager.for_user(self.request.user)

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_scoped_queryset(), pk=unquote(str(self.kwargs["pk"])))


class RowMenuMixin:
    """Keep the row's “more” menu (edit, delete, sign-in sheet…) when list_display starts
    with a TitleColumn of its own: Wagtail uses such a column as it is, without buttons."""

    @cached_property
    def columns(self):
        columns = list(super().columns)
        title = columns[0] if columns else None
        if isinstance(title, TitleColumn) and not isinstance(title, ButtonsColumnMixin):
            # A copy for this request: the list_display column is shared by every request.
            title = copy.copy(title)
            title.__class__ = self._get_title_column_class(type(title))
            columns[0] = title
        return columns


class ScopedIndexView(RowMenuMixin, generic.IndexView):
    def get_base_queryset(self):
        queryset = self.model._default_manager.for_user(self.request.user)
        return queryset.with_related() if hasattr(queryset, "with_related") else queryset


class ScopedCreateView(generic.CreateView):
    def save_instance(self):
        if hasattr(self.form.instance, "recorded_by_id"):
            self.form.instance.recorded_by = self.request.user
        return super().save_instance()


class ScopedEditView(ScopedObjectMixin, generic.EditView):
    pass


class ScopedDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class ScopedInspectView(ScopedObjectMixin, generic.InspectView):
    pass


class ScopedHistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, usage.UsageView):
    pass


class ScopedModelViewSet(ModelViewSet):
    """A ModelViewSet over a model whose manager has `for_user` (see campaigns.models.scoping)."""

    index_view_class = ScopedIndexView
    add_view_class = ScopedCreateView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    copy_view_enabled = False
    inspect_view_enabled = True


class ScopedAdminForm(WagtailAdminModelForm):
    """Choices and places limited to the user's provinces; a place elsewhere is refused."""

    place_fields = ("place", "commune")
    scoped_choice_fields = ("club", "participant")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.province_ids = province_ids_for(self.for_user) if self.for_user else None
        for name in self.scoped_choice_fields:
            field = self.fields.get(name)
            if field is not None and self.for_user is not None:
                field.queryset = field.queryset.model._default_manager.for_user(self.for_user)

    def clean(self):
        cleaned = super().clean()
        if self.province_ids is not None:
            for name in self.place_fields:
                place = cleaned.get(name)
                if place is not None and place.province_id not in self.province_ids:
                    self.add_error(name, ValidationError(_("This place is outside your provinces.")))
        return cleaned
