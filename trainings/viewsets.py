"""Admin screens of the trainings app: courses, trainers, participants (scoped by province)."""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView, ChosenMultipleView, ChosenView
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet

from access.choosers import place_chooser_viewset
from access.viewsets import ProvinceFilter, ScopedAdminForm, ScopedEditView, ScopedIndexView, ScopedModelViewSet
from campaigns.rules import WriteRefused
from trainings.models import Course, Participant, Trainer
from trainings.services import COUNTED_DETAILS, change_people
from transfers.views import TransferButtonsMixin


class ParticipantSearchForm(BaseFilterForm):
    q = forms.CharField(label=_("Search term"), required=False)

    def filter(self, objects):
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            objects = objects.filter(full_name__icontains=query)
            self.is_searching, self.search_query = True, query
        return objects


class ParticipantsOfTheUser:
    """Participants are personal data: the chooser shows, and answers for, only those of the
    user's provinces, and only to staff who may see participants at all (Wagtail's chooser
    views check no permission of their own)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("trainings.view_participant"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def participants(self):
        return Participant.objects.for_user(self.request.user)


class ParticipantChooseMixin(ParticipantsOfTheUser):
    filter_form_class = ParticipantSearchForm
    ordering = ["full_name", "id"]

    def get_object_list(self):
        return self.participants().select_related("commune")


class ParticipantChooseView(ParticipantChooseMixin, ChooseView):
    pass


class ParticipantChooseResultsView(ParticipantChooseMixin, ChooseResultsView):
    pass


class ParticipantChosenView(ParticipantsOfTheUser, ChosenView):
    def get_object(self, pk):
        return self.participants().get(pk=pk)


class ParticipantChosenMultipleView(ParticipantsOfTheUser, ChosenMultipleView):
    def get_objects(self, pks):
        return self.participants().filter(pk__in=pks)


class ParticipantChooserViewSet(ChooserViewSet):
    model = Participant
    icon = "user"
    choose_one_text = _("Choose a participant")
    choose_another_text = _("Choose another participant")
    choose_view_class = ParticipantChooseView
    choose_results_view_class = ParticipantChooseResultsView
    chosen_view_class = ParticipantChosenView
    chosen_multiple_view_class = ParticipantChosenMultipleView


participant_chooser_viewset = ParticipantChooserViewSet("participant_chooser", url_prefix="participants/choose")


class ParticipantFilterSet(WagtailFilterSet):
    province = ProvinceFilter()
    gender = django_filters.ChoiceFilter(label=_("gender"), choices=Participant.Gender.choices)

    class Meta:
        model = Participant
        fields = ["audience"]


class ParticipantIndexView(TransferButtonsMixin, ScopedIndexView):
    transfer_name = "participants"


class ParticipantEditView(ScopedEditView):
    """A person's gender or ethnicity, which sign-in lists count, changes through the
    activities' write path: the counts of the activities whose lists hold them follow, and a
    write rule's refusal (a locked period) is shown on the form, with nothing stored."""

    def save_instance(self):
        if not set(COUNTED_DETAILS) & set(self.form.changed_data):
            return super().save_instance()
        save, saved = super().save_instance, []
        change_people([self.form.instance.pk], user=self.request.user, write=lambda: saved.append(save()))
        return saved[0]

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except WriteRefused as refused:
            # Refused before anything was written (the rules check first).
            for _name, message in refused.by_field():
                form.add_error(None, message)
            self.produced_error_code = "write_refused"
            self.produced_error_message = " ".join(message for _name, message in refused.by_field())
            return self.form_invalid(form)


class ParticipantViewSet(ScopedModelViewSet):
    model = Participant
    edit_view_class = ParticipantEditView
    menu_order = 150
    index_view_class = ParticipantIndexView
    icon = "user"
    menu_label = _("Participants")
    url_prefix = "participants"
    filterset_class = ParticipantFilterSet
    search_fields = ["full_name"]
    search_backend_name = None
    list_display = [
        TitleColumn("full_name", label=_("full name"), url_name="participant:edit"),
        Column("get_gender_display", label=_("gender")),
        Column("birth_year", label=_("year of birth")),
        Column("ethnicity", label=_("ethnicity")),
        Column("commune", label=_("commune")),
        Column("audience", label=_("audience")),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("full_name"),
            FieldRowPanel([FieldPanel("gender"), FieldPanel("birth_year"), FieldPanel("ethnicity")]),
            FieldPanel("commune", widget=place_chooser_viewset.widget_class),
            FieldRowPanel([FieldPanel("audience"), FieldPanel("phone")]),
        ],
        base_form_class=ScopedAdminForm,
    )


class CourseViewSet(ModelViewSet):
    model = Course
    menu_order = 350
    icon = "doc-full"
    menu_label = _("Courses")
    url_prefix = "courses"
    search_fields = ["name"]
    search_backend_name = None
    list_display = ["name"]
    form_fields = ["name", "description", "materials"]


class TrainerViewSet(ModelViewSet):
    model = Trainer
    menu_order = 360
    icon = "user"
    menu_label = _("Trainers")
    url_prefix = "trainers"
    search_fields = ["name"]
    search_backend_name = None
    list_display = ["name", "organiser", "phone"]
    form_fields = ["name", "organiser", "user", "phone"]
