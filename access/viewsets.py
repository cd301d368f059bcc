"""Admin views that show and change only the records of the user's provinces.

A record of another province is simply not found (404), whichever view is asked for it.
"""

import copy
import functools

import django_filters
from django import forms
from django.contrib.admin.utils import unquote
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import ButtonsColumnMixin, Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.images import get_image_model

from access.models import ProvinceScopedQuerySet, StaffScope, places_visible_to, province_ids_for
from core.fields import PlainTextForm
from places.models import Place, PlaceQuerySet


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
    """A ModelViewSet over a model whose manager has `for_user` (see access.models)."""

    index_view_class = ScopedIndexView
    add_view_class = ScopedCreateView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    copy_view_enabled = False
    inspect_view_enabled = True


def is_scoped(queryset: QuerySet) -> bool:
    return isinstance(queryset, ProvinceScopedQuerySet | PlaceQuerySet) or queryset.model is get_image_model()


def scoped_choices(queryset: QuerySet, user) -> QuerySet:
    """The records of `queryset` that `user` may pick: province-scoped records and places
    through their scoped querysets, images through Wagtail's collection permissions."""
    if isinstance(queryset, ProvinceScopedQuerySet):
        return queryset.for_user(user)
    if isinstance(queryset, PlaceQuerySet):
        return places_visible_to(user, queryset)
    if queryset.model is get_image_model():
        from wagtail.permissions import policy_registry

        policy = policy_registry.get_by_type(queryset.model)
        choosable = policy.instances_user_has_permission_for(user, "choose")
        return queryset.filter(pk__in=choosable.values("pk"))
    return queryset


def scope_form(form: forms.BaseForm, user) -> None:
    """Narrow every choice of a form to what `user` may pick, whatever the field is called:
    a record of another province is then "not one of the available choices", the same
    answer as a record that does not exist. A province-scoped record's own province
    becomes required, so provincial staff cannot file one under no province at all."""
    if user is None:
        return
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is not None:
            field.queryset = scoped_choices(queryset, user)
    model = getattr(getattr(form, "_meta", None), "model", None)
    model_queryset = model._default_manager.all() if model is not None else None
    if isinstance(model_queryset, ProvinceScopedQuerySet) and province_ids_for(user) is not None:
        own = form.fields.get(model_queryset.province_field)
        if own is not None:
            own.required = True


@functools.cache
def scoped_line_form(form_class: type[forms.BaseForm]) -> type[forms.BaseForm]:
    """The form of an inline panel's lines (a sign-in line, a target), its choices scoped
    like the main form's and checked when each line is validated. Made from whatever form
    class Wagtail chose for the panel, which may be its own (`defer_required_on_fields`)."""

    class ScopedLineForm(PlainTextForm, form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            scope_form(self, kwargs.get("for_user"))

    ScopedLineForm.__name__ = f"Scoped{form_class.__name__}"
    return ScopedLineForm


class ScopedAdminForm(PlainTextForm, WagtailAdminModelForm):
    """Choices limited to the user's provinces, in the form and in each of its inline panels.

    The inline lines shown are those the user may see (lines of other provinces stay as
    they are when the form is saved), and each line refuses a choice outside the user's
    provinces when it is validated itself."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        scope_form(self, self.for_user)
        for formset in self.formsets.values():
            formset.form = scoped_line_form(formset.form)
            formset.form_kwargs = {**formset.form_kwargs, "for_user": self.for_user}
            if self.for_user is not None:
                formset.queryset = scoped_lines(formset, self.for_user)

    def clean(self):
        cleaned = super().clean()
        if self.for_user is not None and self.instance.pk:
            for name, field in self.fields.items():
                multiple = isinstance(field, forms.ModelMultipleChoiceField)
                if multiple and is_scoped(field.queryset) and cleaned.get(name) is not None:
                    cleaned[name] = with_unseen_links(self.instance, name, field, cleaned[name])
        return cleaned


def with_unseen_links(instance, name: str, field: forms.ModelMultipleChoiceField, chosen: QuerySet) -> QuerySet:
    """What the user chose, plus the links they could not see (a member from another
    province, added by national staff): a save replaces only what the form showed."""
    related = getattr(instance, name, None)
    if related is None or not hasattr(related, "exclude"):
        return chosen
    unseen = related.exclude(pk__in=field.queryset.values("pk")).values("pk")
    return field.queryset.model._default_manager.filter(Q(pk__in=chosen.values("pk")) | Q(pk__in=unseen))


def scoped_lines(formset, user) -> QuerySet:
    """The existing lines of an inline panel that `user` may see and change: lines of their
    provinces, naming no record of another province (a sign-in line of someone from
    elsewhere stays as it is, unseen, when the form is saved)."""
    lines = formset.model._default_manager.all()
    if formset.instance.pk is None:
        return formset.queryset
    if isinstance(lines, ProvinceScopedQuerySet):
        lines = lines.for_user(user)
    lines = lines.filter(**{formset.fk.name: formset.instance.pk})
    for field in formset.model._meta.fields:
        related = field.related_model._default_manager.all() if field.many_to_one else None
        if field.name != formset.fk.name and isinstance(related, ProvinceScopedQuerySet):
            visible = related.for_user(user).values("pk")
            lines = lines.filter(Q(**{f"{field.name}__isnull": True}) | Q(**{f"{field.name}__in": visible}))
    return lines


def province_choices(request):
    """Current provinces the user may see, for the province filter."""
    provinces = Place.objects.current_provinces().order_by("short_name")
    return provinces if request is None else places_visible_to(request.user, provinces)


class ProvinceFilter(django_filters.ModelChoiceFilter):
    """A current province, with the records of the old provinces it took over."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("province"))
        super().__init__(*args, queryset=province_choices, **kwargs)

    def filter(self, queryset, value):
        if not value:
            return queryset
        return queryset.in_province(value)


class StaffScopeViewSet(ModelViewSet):
    """Which provinces each staff member works in (national administrators only)."""

    model = StaffScope
    icon = "user"
    menu_label = _("Staff provinces")
    add_to_settings_menu = True
    url_prefix = "staff-provinces"
    list_display = ["user", Column("province_names", label=_("provinces"))]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    search_backend_name = None
    panels = [FieldPanel("user"), FieldPanel("provinces", widget=forms.CheckboxSelectMultiple)]

    def get_index_view_kwargs(self, **kwargs):
        queryset = StaffScope.objects.select_related("user").prefetch_related("provinces")
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)
