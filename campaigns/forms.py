"""Admin form pieces of the campaigns app."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from access.viewsets import ScopedAdminForm
from campaigns.rules import WriteRefused, check_record_delete
from places.lookup import PlaceLookupError, lookup_place
from places.models import Place


def place_line(place: Place) -> str:
    """A place as one line that `lookup_place` reads back: "Xã Na Mèo, Huyện Quan Sơn"."""
    if place.level == Place.Level.PROVINCE:
        return place.name
    if place.level == Place.Level.COMMUNE and place.district_id:
        return f"{place.name}, {place.district.name}"
    return f"{place.name}, {place.province.name}"


class PlaceListField(forms.Field):
    """Places typed one per line, as people write them ("Na Mèo, Quan Sơn"), checked by the lookup.

    Thousands of units do not fit a select box; a line may name the unit alone or the
    unit then, after a comma, the district or province it lies in.
    """

    widget = forms.Textarea(attrs={"rows": 6})

    def prepare_value(self, value):
        if isinstance(value, str):
            return value
        ids = [getattr(item, "pk", item) for item in value or []]
        places = Place.objects.filter(pk__in=ids).select_related("province", "district").order_by("code")
        return "\n".join(place_line(place) for place in places)

    def to_python(self, value) -> list[Place]:
        places, errors = [], []
        for number, line in enumerate((value or "").splitlines(), start=1):
            if not line.strip():
                continue
            name, _comma, where = line.partition(",")
            try:
                within = lookup_place(where) if where.strip() else None
                places.append(lookup_place(name, within=within))
            except PlaceLookupError as error:
                errors.append(ValidationError(_("Line %(line)d: %(error)s"), params={"line": number, "error": error}))
        if errors:
            raise ValidationError(errors)
        return places


class CountConfirmationMixin(forms.Form):
    """A count far above its activity's usual range (`count_warnings()`) is kept only when
    the person ticks "the counts are right": one extra zero should not reach the totals."""

    confirm_counts = forms.BooleanField(
        label=_("I have checked: these numbers are right"),
        required=False,
        help_text=_("Tick only when a number far above the usual has been asked about."),
    )

    def _post_clean(self):
        super()._post_clean()  # the instance now holds the form's values
        if self.errors or self.cleaned_data.get("confirm_counts"):
            return
        for warning in self.instance.count_warnings():
            message = _("%(warning)s If it is right, tick “%(confirm)s” and save again.") % {
                "warning": warning,
                "confirm": self.fields["confirm_counts"].label,
            }
            self.add_error("participants", message)


class CampaignForm(ScopedAdminForm):
    """A campaign is national; its targets are the lines of each province, scoped as such."""

    coverage = PlaceListField(
        label=_("places covered"),
        required=False,
        help_text=_(
            "One place per line, optionally followed by a comma and its district or province: "
            "“Na Mèo, Quan Sơn”. Empty means nationwide."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        # A target line taken away is a delete of a target: the write rules (a locked
        # period) may refuse it, as they refuse a change of one.
        targets = self.formsets.get("targets")
        if targets is not None and targets.is_bound:
            deleted = [form.instance for form in targets.deleted_forms if form.instance.pk]
            try:
                check_record_delete(deleted, user=self.for_user)
            except WriteRefused as refused:
                for _field, message in refused.by_field():
                    self.add_error(None, message)
        return cleaned
