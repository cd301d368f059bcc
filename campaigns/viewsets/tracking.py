"""Admin screens for the campaign records: activities, clubs, distributions, campaigns, organisers."""

import django_filters
from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from access.choosers import place_chooser_viewset
from access.viewsets import (
    ProvinceFilter,
    RowMenuMixin,
    ScopedAdminForm,
    ScopedCreateView,
    ScopedDeleteView,
    ScopedIndexView,
    ScopedModelViewSet,
)
from campaigns.forms import CampaignForm, CountConfirmationMixin
from campaigns.models import Activity, ActivityKind, Audience, Campaign, Club, MaterialDistribution, Organiser, Topic
from campaigns.rules import WriteRefused, check_record_delete
from campaigns.services import delete_activities, save_activity
from campaigns.viewsets.buttons import activity_buttons
from campaigns.viewsets.parts import Slot, admin_parts, fill_slots, form_with_parts
from campaigns.viewsets.versioning import ConflictRefusingEditView, VersionedAdminForm
from transfers.views import TransferButtonsMixin


class DayColumn(Column):
    """A date as Vietnamese readers write it (23/11/2025), not "1 year ago"."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return date_format(value, "d/m/Y") if value else ""


class CountColumn(Column):
    """A count that may be unknown: shown as "unknown", never as an empty cell or a zero."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return _("unknown") if value is None else value


class PartsViewSetMixin:
    """A viewset whose form and list carry what apps built on this one add (campaigns.viewsets.parts):
    `panels` name the slots their panels go in."""

    panels: list = []
    base_form_class: type = ScopedAdminForm

    def get_edit_handler(self):
        parts = admin_parts(self.model)
        handler = ObjectList(
            fill_slots(self.panels, parts), base_form_class=form_with_parts(self.base_form_class, parts)
        )
        return handler.bind_to_model(self.model)

    def get_index_view_kwargs(self, **kwargs):
        parts = admin_parts(self.model)
        columns = [column for part in parts for column in part.columns()]
        return super().get_index_view_kwargs(list_display=[*self.list_display, *columns], **kwargs)


class PartsIndexMixin:
    """A list whose queryset reads what the parts' columns show."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        for part in admin_parts(self.model):
            queryset = part.list_queryset(queryset)
        return queryset


class ActivityFilterSet(WagtailFilterSet):
    province = ProvinceFilter()
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=ActivityKind.choices)
    campaign = django_filters.ModelChoiceFilter(label=_("campaign"), queryset=Campaign.objects.all())
    organisers = django_filters.ModelChoiceFilter(label=_("organiser"), queryset=Organiser.objects.all())
    start_date = django_filters.DateFromToRangeFilter(label=_("period"), widget=DateRangePickerWidget)
    status = django_filters.ChoiceFilter(label=_("status"), choices=Activity.Status.choices)

    class Meta:
        model = Activity
        fields = []


class WarnOutsideCoverageMixin:
    """After saving, say so when the place lies outside the campaign's coverage (not a refusal)."""

    def save_instance(self):
        instance = super().save_instance()
        for warning in instance.coverage_warnings():
            messages.warning(self.request, warning)
        return instance


class SavedByServiceMixin:
    """An activity's form saved through campaigns.services: its rules, its sign-in lines in
    bulk, one version move and the audit entry, as every other way of recording does."""

    def save_instance(self):
        instance = self.form.save(commit=False)  # the lines wait in the activity's cluster
        if instance.pk is None:
            instance.recorded_by = self.request.user
        write = save_activity(instance, user=self.request.user, save_related=self.form.save_m2m)
        for _field, message in write.notes:
            messages.warning(self.request, message)
        return instance

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except WriteRefused as refused:
            # Rolled back with the save's transaction: nothing of this form was stored.
            for name, message in refused.by_field():
                form.add_error(name if name in form.fields else None, message)
            self.produced_error_code = "write_refused"
            self.produced_error_message = " ".join(message for _name, message in refused.by_field())
            return self.form_invalid(form)


class ActivityCreateView(WarnOutsideCoverageMixin, SavedByServiceMixin, ScopedCreateView):
    pass


class ActivityEditView(WarnOutsideCoverageMixin, SavedByServiceMixin, ConflictRefusingEditView):
    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *activity_buttons(self.request, self.object)]


class RuleCheckedDeleteView(ScopedDeleteView):
    """A club or a distribution is deleted only when the write rules allow it (a locked
    period refuses); the refusal is shown and nothing is deleted."""

    def delete_action(self):
        check_record_delete([self.object], user=self.request.user)
        super().delete_action()

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except WriteRefused as refused:
            for _field, message in refused.by_field():
                messages.error(self.request, message)
            return redirect(self.get_success_url())


class ActivityDeleteView(RuleCheckedDeleteView):
    def delete_action(self):
        delete_activities(Activity.objects.filter(pk=self.object.pk), user=self.request.user)


class ActivityIndexView(PartsIndexMixin, TransferButtonsMixin, ScopedIndexView):
    transfer_name = "activities"

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons += [
            MenuItem(button.label, url=button.url, icon_name=button.icon_name, priority=button.priority)
            for button in activity_buttons(self.request, instance)
        ]
        return buttons


class ClubIndexView(PartsIndexMixin, TransferButtonsMixin, ScopedIndexView):
    transfer_name = "clubs"


class CampaignIndexView(TransferButtonsMixin, RowMenuMixin, generic.IndexView):
    transfer_name = "campaigns"
    extra_transfer_names = ("targets",)


class ActivityAdminForm(CountConfirmationMixin, VersionedAdminForm):
    """An activity's admin form: a stale save is refused, an unusual count asks to be confirmed."""


class ActivityViewSet(PartsViewSetMixin, ScopedModelViewSet):
    model = Activity
    icon = "date"
    menu_label = _("Activities")
    menu_order = 100
    url_prefix = "activities"
    index_view_class = ActivityIndexView
    add_view_class = ActivityCreateView
    edit_view_class = ActivityEditView
    delete_view_class = ActivityDeleteView
    filterset_class = ActivityFilterSet
    search_fields = ["title", "notes"]
    search_backend_name = None
    list_per_page = 50
    list_display = [
        TitleColumn("title", label=pgettext_lazy("activity", "title"), url_name="activity:edit"),
        Column("get_kind_display", label=_("kind")),
        DayColumn("start_date", label=_("start date")),
        Column("place", label=_("location")),
        CountColumn("sessions", label=_("sessions")),
        CountColumn("participants", label=_("participants")),
        Column("campaign", label=_("campaign")),
        Column("get_status_display", label=_("status")),
    ]
    # Slots: `links` for what other apps link an activity to, `lines` for its lists of lines.
    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("sessions")]),
        FieldPanel("place", widget=place_chooser_viewset.widget_class),
        FieldRowPanel([FieldPanel("campaign"), FieldPanel("club")]),
        FieldPanel("organisers", widget=forms.CheckboxSelectMultiple),
        Slot("links"),
        FieldRowPanel(
            [
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            ]
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("participants"), FieldPanel("female"), FieldPanel("ethnic_minority")]),
                FieldPanel("confirm_counts"),
            ],
            heading=_("Participants"),
        ),
        Slot("lines"),
        FieldPanel("materials"),
        FieldPanel("photos"),
        FieldPanel("notes"),
        FieldPanel("external_id"),
    ]
    base_form_class = ActivityAdminForm


class ClubFilterSet(WagtailFilterSet):
    province = ProvinceFilter()
    campaign = django_filters.ModelChoiceFilter(label=_("campaign"), queryset=Campaign.objects.all())
    organiser = django_filters.ModelChoiceFilter(label=_("organiser"), queryset=Organiser.objects.all())
    status = django_filters.ChoiceFilter(label=_("status"), choices=Club.Status.choices)

    class Meta:
        model = Club
        fields = []


class ClubViewSet(PartsViewSetMixin, ScopedModelViewSet):
    model = Club
    icon = "group"
    menu_label = _("Clubs")
    menu_order = 200
    url_prefix = "clubs"
    index_view_class = ClubIndexView
    edit_view_class = ConflictRefusingEditView
    delete_view_class = RuleCheckedDeleteView
    filterset_class = ClubFilterSet
    search_fields = ["name"]
    search_backend_name = None
    list_display = [
        TitleColumn("name", label=_("name"), url_name="club:edit"),
        Column("place", label=_("commune")),
        DayColumn("founded_on", label=_("founded on")),
        Column("organiser", label=_("organiser")),
        Column("get_status_display", label=_("status")),
        Column("member_count", label=_("number of members")),
    ]
    # Slot `links`: a list of members, where an app keeps one.
    panels = [
        FieldPanel("name"),
        FieldPanel("place", widget=place_chooser_viewset.widget_class),
        FieldRowPanel([FieldPanel("founded_on"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("organiser"), FieldPanel("campaign")]),
        FieldPanel("member_count"),
        Slot("links"),
        FieldPanel("notes"),
        FieldPanel("external_id"),
    ]
    base_form_class = VersionedAdminForm


class DistributionFilterSet(WagtailFilterSet):
    province = ProvinceFilter()
    campaign = django_filters.ModelChoiceFilter(label=_("campaign"), queryset=Campaign.objects.all())
    start_date = django_filters.DateFromToRangeFilter(label=_("period"), widget=DateRangePickerWidget)

    class Meta:
        model = MaterialDistribution
        fields = []


class DistributionViewSet(ScopedModelViewSet):
    model = MaterialDistribution
    icon = "doc-full-inverse"
    menu_label = _("Material distributions")
    menu_order = 300
    url_prefix = "distributions"
    delete_view_class = RuleCheckedDeleteView
    filterset_class = DistributionFilterSet
    search_fields = ["title"]
    search_backend_name = None
    list_display = [
        TitleColumn("title", label=_("material"), url_name="materialdistribution:edit"),
        Column("place", label=_("place")),
        DayColumn("start_date", label=_("start date")),
        Column("printed", label=_("copies printed")),
        Column("distributed", label=_("copies given out")),
        Column("organiser", label=_("organiser")),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("document"),
            FieldRowPanel([FieldPanel("printed"), FieldPanel("distributed")]),
            FieldPanel("place", widget=place_chooser_viewset.widget_class),
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            FieldRowPanel([FieldPanel("organiser"), FieldPanel("campaign")]),
            FieldPanel("activity"),
            FieldPanel("notes"),
        ],
        base_form_class=ScopedAdminForm,
    )


class CampaignViewSet(ModelViewSet):
    model = Campaign
    index_view_class = CampaignIndexView
    edit_handler = ObjectList(Campaign.panels, base_form_class=CampaignForm)
    icon = "flag"
    menu_label = _("Campaigns")
    menu_order = 50
    url_prefix = "campaigns"
    search_fields = ["name", "code"]
    search_backend_name = None
    inspect_view_enabled = True
    list_display = [
        TitleColumn("name", label=_("name"), url_name="campaign:edit"),
        Column("code", label=_("code")),
        DayColumn("start_date", label=_("start date")),
        DayColumn("end_date", label=_("end date")),
        Column("lead_organiser", label=_("lead organiser")),
    ]
    list_filter = ["lead_organiser"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(queryset=Campaign.objects.select_related("lead_organiser"), **kwargs)


class OrganiserViewSet(ModelViewSet):
    model = Organiser
    icon = "group"
    menu_label = _("Organisers")
    menu_order = 400
    url_prefix = "organisers"
    search_fields = ["name", "short_name"]
    search_backend_name = None
    list_display = ["name", "kind", "level", "province"]
    list_filter = ["kind", "level"]
    form_fields = ["name", "short_name", "kind", "level", "province"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(queryset=Organiser.objects.select_related("province"), **kwargs)


class AudienceViewSet(ModelViewSet):
    model = Audience
    icon = "tag"
    menu_label = _("Audiences")
    menu_order = 500
    url_prefix = "audiences"
    list_display = ["name", "name_en", "code", "is_sensitive"]
    form_fields = ["name", "name_en", "code", "is_sensitive"]


class TopicViewSet(ModelViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 510
    url_prefix = "topics"
    list_display = ["name", "name_en", "code"]
    form_fields = ["name", "name_en", "code"]
