"""The question a manager asks, read from a form, a URL or the command line, checked once.

The admin report, the API and the `totals` command all read their parameters through
TotalsQueryForm, so they accept and refuse the same things.
"""

from __future__ import annotations

import calendar

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from campaigns.models import ActivityKind, Audience, Campaign, Organiser
from places.lookup import PlaceLookupError, lookup_place
from places.models import Place
from reporting.stats import DIMENSION_LABELS
from reporting.stats.families import Filters

DIMENSION_CHOICES = list(DIMENSION_LABELS.items())
# Public questions at a coarse grain only (README, *What the public can learn*): a fine place
# and a filter or grouping by one of these would single out a handful of records.
FINE_DIMENSIONS = {"commune", "district"}
NARROWING_DIMENSIONS = {"kind", "campaign", "organiser", "audience"}


class PlaceField(forms.CharField):
    """A place as people type it (any diacritics, prefixes, or an official code)."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return lookup_place(value)
        except PlaceLookupError as error:
            raise ValidationError(str(error)) from error


class SplitMultipleChoiceField(forms.MultipleChoiceField):
    """Accepts "province,kind" as well as repeated values (?by=province&by=kind)."""

    def to_python(self, value):
        values = super().to_python(value)
        return [part.strip() for item in values for part in item.split(",") if part.strip()]


class TotalsQueryForm(forms.Form):
    by = SplitMultipleChoiceField(label=_("group by"), choices=DIMENSION_CHOICES, required=False)
    date_from = forms.DateField(label=_("from"), required=False, input_formats=["%Y-%m-%d", "%d/%m/%Y"])
    date_to = forms.DateField(label=_("to"), required=False, input_formats=["%Y-%m-%d", "%d/%m/%Y"])
    campaign = forms.ModelChoiceField(
        label=_("campaign"), queryset=Campaign.objects.all(), to_field_name="code", required=False
    )
    kind = SplitMultipleChoiceField(label=_("kind"), choices=ActivityKind.choices, required=False)
    organiser = forms.ModelChoiceField(label=_("organiser"), queryset=Organiser.objects.all(), required=False)
    audience = forms.ModelChoiceField(
        label=_("audience"), queryset=Audience.objects.all(), to_field_name="code", required=False
    )
    place = PlaceField(
        label=_("place"), required=False, help_text=_("A province, district or commune, by name or code.")
    )
    as_recorded = forms.BooleanField(
        label=_("units as they were"),
        required=False,
        help_text=_("Group by the provinces and communes named at the time, not by today's."),
    )
    batches_at_start = forms.BooleanField(
        label=_("batches in their start period"),
        required=False,
        help_text=_(
            "Count a batch of sessions over several periods wholly in the period it started, "
            "as recorded, not shared out over its days."
        ),
    )

    # The names the API and the command use (?from=…&to=…), beside the form's own.
    ALIASES = {"from": "date_from", "to": "date_to"}

    @classmethod
    def from_params(cls, params, **kwargs) -> TotalsQueryForm:
        """A form over URL or command-line parameters (a QueryDict, or a dict of values or lists)."""
        data = QueryDict(mutable=True)
        for key in params:
            values = params.getlist(key) if hasattr(params, "getlist") else params[key]
            values = values if isinstance(values, list | tuple) else [values]
            data.setlist(cls.ALIASES.get(key, key), [str(value) for value in values if value not in (None, "")])
        return cls(data, **kwargs)

    def __init__(self, *args, public: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.public = public

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end date is before the start date."))
        if self.public:
            self.clean_public_grain(cleaned)
        return cleaned

    def clean_public_grain(self, cleaned: dict) -> None:
        """Anonymous questions: whole months (so quarters and years), and no fine place
        beside a narrowing filter or grouping. Two day ranges one day apart, or a commune's
        records of one kind, would otherwise single out a few records."""
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and start.day != 1:
            self.add_error("date_from", _("Public totals start on the first day of a month."))
        if end and end.day != calendar.monthrange(end.year, end.month)[1]:
            self.add_error("date_to", _("Public totals end on the last day of a month."))
        place = cleaned.get("place")
        by = set(cleaned.get("by") or ())
        fine = bool(by & FINE_DIMENSIONS) or (place is not None and place.level != Place.Level.PROVINCE)
        narrowing = by & NARROWING_DIMENSIONS or {
            name for name in ("kind", "campaign", "organiser", "audience") if cleaned.get(name)
        }
        if fine and narrowing:
            self.add_error(
                None,
                _(
                    "Public totals of a district or a commune cannot be split or filtered by kind, "
                    "campaign, organiser or audience: ask by province for those."
                ),
            )

    def unknown_parameters(self, params) -> list[str]:
        known = set(self.fields) | set(self.ALIASES) | {"format", "lang"}
        return sorted(set(params) - known)

    def to_filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            campaign=data["campaign"].code if data.get("campaign") else None,
            kinds=tuple(data.get("kind") or ()),
            organiser=data["organiser"].pk if data.get("organiser") else None,
            audience=data["audience"].code if data.get("audience") else None,
            place=data.get("place"),
        )

    def error_messages(self) -> list[str]:
        """Every problem as one line naming the parameter: "campaign: Select a valid choice…"."""
        names = {value: key for key, value in self.ALIASES.items()}
        return [
            f"{names.get(field, field)}: {message}" if field != "__all__" else str(message)
            for field, messages in self.errors.items()
            for message in messages
        ]
