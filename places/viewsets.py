"""The places admin: a read-only list of Vietnam's units, then and now, to search and inspect."""

import django_filters
from django.db.models import Q
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from core.text import ascii_key, split_prefix
from places.models import Place


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Users with the model's view permission may look; nobody adds, edits or deletes here.

    Places come from `load_places`; an edit in the admin would be overwritten by the
    next load and would silently move the records that point at the place.
    """

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and self.user_has_permission(user, "view")


class PlaceFilterSet(WagtailFilterSet):
    level = django_filters.ChoiceFilter(label=_("level"), choices=Place.Level.choices)
    is_current = django_filters.ChoiceFilter(
        label=_("system"),
        choices=[("true", _("in force since 1/7/2025")), ("false", _("before 1/7/2025"))],
        method="filter_is_current",
    )
    province = django_filters.ModelChoiceFilter(
        label=_("province"),
        queryset=Place.objects.filter(level=Place.Level.PROVINCE).order_by("-is_current", "short_name"),
        method="filter_province",
    )

    class Meta:
        model = Place
        fields = []

    def filter_is_current(self, queryset, name, value):
        return queryset.filter(is_current=value == "true")

    def filter_province(self, queryset, name, value):
        # A province and everything in it.
        return queryset.filter(Q(province=value) | Q(pk=value.pk))


class PlaceIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("province", "district", "successor__province")

    def search_queryset(self, queryset):
        """Search as the places lookup reads names: no diacritics needed, prefixes ignored, codes too."""
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        if query.isdigit():
            return queryset.filter(code__startswith=query)
        _prefix, rest = split_prefix(query)
        return queryset.filter(Q(search_key__contains=ascii_key(query)) | Q(search_key__contains=ascii_key(rest)))


class PlaceInspectView(InspectView):
    def get_object(self, queryset=None):
        return Place.objects.select_related("parent", "province", "district", "successor").get(pk=self.pk)

    def get_field_display_value(self, field_name, field):
        value = getattr(self.object, field_name)
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if value is None:
            return "—"
        return super().get_field_display_value(field_name, field)


class PlaceViewSet(ModelViewSet):
    """Vietnam's administrative units, browsable and read-only."""

    model = Place
    url_prefix = "places"
    icon = "site"
    menu_label = _("Places")
    menu_order = 900
    add_to_settings_menu = True
    index_view_class = PlaceIndexView
    inspect_view_class = PlaceInspectView
    inspect_view_enabled = True
    inspect_view_fields = ["name", "level", "kind", "code", "is_current", "parent", "province", "successor"]
    copy_view_enabled = False
    filterset_class = PlaceFilterSet
    search_fields = ["search_key"]
    search_backend_name = None
    list_per_page = 50
    list_display = [
        TitleColumn("name", label=_("name"), url_name="place:inspect"),
        Column("code", label=_("official code")),
        Column("get_level_display", label=_("level")),
        Column(
            "province_name",
            label=_("province"),
            accessor=lambda place: place.province.short_name if place.province_id else "",
        ),
        Column(
            "district_name",
            label=_("district"),
            accessor=lambda place: place.district.name if place.district_id else "",
        ),
        BooleanColumn("is_current", label=_("in force")),
        Column("successor", label=_("taken over by")),
    ]
    ordering = ["-is_current", "code"]

    def get_common_view_kwargs(self, **kwargs):
        # Read-only: no add, edit, delete or copy screens exist to link to.
        return super().get_common_view_kwargs(add_url_name=None, edit_url_name=None, delete_url_name=None, **kwargs)

    def register_admin_url_finder(self):
        # No edit view to link to: choosers show a place without an "edit" link.
        pass

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]


place_viewset = PlaceViewSet("place")
