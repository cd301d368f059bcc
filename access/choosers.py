"""Chooser modals for places and participants: searchable, limited to the user's provinces.

Thousands of places and participants do not fit in a select box; a chooser searches them.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView, ChosenMultipleView, ChosenView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from access.models import places_visible_to
from core.text import ascii_key, split_prefix
from places.models import Place


class PlaceSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Name or code, with or without diacritics")}),
    )
    is_current = forms.ChoiceField(
        label=_("system"),
        required=False,
        choices=[("", _("all")), ("true", _("in force since 1/7/2025")), ("false", _("before 1/7/2025"))],
    )

    def filter(self, objects):
        query = (self.cleaned_data.get("q") or "").strip()
        if query.isdigit():
            objects = objects.filter(code__startswith=query)
        elif query:
            _prefix, rest = split_prefix(query)
            objects = objects.filter(Q(search_key__contains=ascii_key(query)) | Q(search_key__contains=ascii_key(rest)))
            self.is_searching, self.search_query = True, query
        if self.cleaned_data.get("is_current"):
            objects = objects.filter(is_current=self.cleaned_data["is_current"] == "true")
        return objects


class PlacesOfTheUser:
    """The places a chooser offers, and answers for once chosen: those of the user's provinces."""

    def places(self):
        return places_visible_to(self.request.user)


class PlaceChooseMixin(PlacesOfTheUser):
    filter_form_class = PlaceSearchForm
    ordering = ["-is_current", "level", "code"]

    def get_object_list(self):
        return self.places().select_related("province", "district")


class PlaceChooseView(PlaceChooseMixin, ChooseView):
    pass


class PlaceChooseResultsView(PlaceChooseMixin, ChooseResultsView):
    pass


class PlaceChosenView(PlacesOfTheUser, ChosenView):
    def get_object(self, pk):
        return self.places().get(pk=pk)


class PlaceChosenMultipleView(PlacesOfTheUser, ChosenMultipleView):
    def get_objects(self, pks):
        return self.places().filter(pk__in=pks)


class PlaceChooserViewSet(ChooserViewSet):
    model = Place
    icon = "site"
    choose_one_text = _("Choose a place")
    choose_another_text = _("Choose another place")
    choose_view_class = PlaceChooseView
    choose_results_view_class = PlaceChooseResultsView
    chosen_view_class = PlaceChosenView
    chosen_multiple_view_class = PlaceChosenMultipleView
    per_page = 20


place_chooser_viewset = PlaceChooserViewSet("place_chooser", url_prefix="places/choose")
