"""The phone form: one activity and who came, in under a minute."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from access.models import places_visible_to
from campaigns.forms import CountConfirmationMixin
from campaigns.models import Activity, ActivityKind, Audience, Campaign, Club
from core.fields import CountField, CountInput, DayField, PlainTextForm
from places.models import Place
from trainings import conf
from trainings.models import Participant
from trainings.services import NewAttendee


class PlaceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, place: Place) -> str:
        return f"{place.short_name} ({place.province.short_name})"


class RecordActivityForm(CountConfirmationMixin, PlainTextForm, forms.ModelForm):
    """The fields a trainer fills in the commune; the rest can be completed in the admin later."""

    place = PlaceChoiceField(label=_("commune"), queryset=Place.objects.none())
    audiences = forms.ModelMultipleChoiceField(
        label=_("audiences"), queryset=Audience.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    present = forms.ModelMultipleChoiceField(
        label=_("who came"), queryset=Participant.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    client_uuid = forms.UUIDField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Activity
        fields = [
            "kind",
            "title",
            "start_date",
            "place",
            "campaign",
            "club",
            "participants",
            "female",
            "ethnic_minority",
            "notes",
        ]
        widgets = {
            # A text box read day first, never the browser's date picker: that one follows the
            # phone's language, and an English phone read 16 03 2019 as month first.
            "start_date": forms.DateInput(
                attrs={"placeholder": "dd/mm/yyyy", "autocomplete": "off", "class": "day-date"},
                format="%d/%m/%Y",
            ),
            "notes": forms.Textarea(attrs={"rows": 2}),
            "participants": CountInput,
            "female": CountInput,
            "ethnic_minority": CountInput,
        }
        # "2.000" is two thousand, as in the admin and the imports (core/fields.py).
        field_classes = {
            "start_date": DayField,
            "participants": CountField,
            "female": CountField,
            "ethnic_minority": CountField,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        communes = places_visible_to(user).filter(is_current=True, level=Place.Level.COMMUNE)
        communes = communes.select_related("province")
        self.fields["place"].queryset = communes.order_by("province__short_name", "short_name")
        self.fields["kind"].initial = ActivityKind.COMMUNITY
        self.fields["start_date"].initial = timezone.localdate()
        self.fields["start_date"].help_text = _("Day first: 16/3/2019, 16-03-2019 or 2019-03-16.")
        self.fields["campaign"].queryset = Campaign.objects.order_by("-start_date")
        self.fields["present"].queryset = Participant.objects.for_user(user)
        self.fields["participants"].help_text = _("Only when you keep no list of names below.")
        self.fields["female"].help_text = ""
        self.fields["ethnic_minority"].help_text = ""
        self.fields["club"].queryset = Club.objects.for_user(user).select_related("place").order_by("name")


class NewAttendeeForm(PlainTextForm, forms.Form):
    full_name = forms.CharField(label=_("full name"), max_length=120)
    gender = forms.ChoiceField(label=_("gender"), choices=Participant.Gender.choices, initial=Participant.Gender.FEMALE)
    birth_year = forms.IntegerField(
        label=_("year of birth"),
        required=False,
        min_value=1900,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    ethnicity = forms.CharField(label=_("ethnicity"), max_length=40, required=False)

    def attendee(self) -> NewAttendee:
        data = self.cleaned_data
        return NewAttendee(
            full_name=data["full_name"].strip(),
            gender=data["gender"],
            birth_year=data.get("birth_year"),
            ethnicity=data.get("ethnicity", "").strip(),
        )


class BaseNewAttendeeFormSet(forms.BaseFormSet):
    def __init__(self, *args, **kwargs) -> None:
        # The limit is the site's (trainings.conf), read per request rather than fixed at import.
        self.max_num = conf.max_new_attendees()
        self.absolute_max = self.max_num + forms.formsets.DEFAULT_MAX_NUM
        super().__init__(*args, **kwargs)


NewAttendeeFormSet = forms.formset_factory(NewAttendeeForm, formset=BaseNewAttendeeFormSet, extra=2)


def present_options(form: RecordActivityForm, people=None) -> list[tuple[Participant, bool]]:
    """The people a trainer can tick, each with its commune for the page's commune filter:
    those of `people` (what her phone keeps, trainings/phone_sync.py) and those already ticked."""
    chosen = {str(value) for value in (form["present"].value() or [])}
    shown = form.fields["present"].queryset
    if people is not None:
        ticked = [value for value in chosen if value.isdigit() and len(value) < 19]
        shown = shown.filter(Q(pk__in=people.values("pk")) | Q(pk__in=ticked))
    shown = shown.select_related("commune").order_by("full_name", "id")
    return [(person, str(person.pk) in chosen) for person in shown]
