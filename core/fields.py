"""Form fields that read numbers and dates as Vietnamese people type them.

Every admin form (Wagtail model forms, through `register_form_field_override`) and the
phone form use these, so "2.000" is two thousand everywhere, as in the imports
(`core.cells.parse_int` is the one reader of numbers).

- "2.000", "2 000" and "2000" are 2000: a dot or a space between thousands.
- "2,000" is refused: in Vietnamese the comma is the decimal mark ("2,5" is two and a
  half), so "2,000" may mean 2 or 2000 depending on who typed it. Guessing would store a
  wrong count without a word; asking costs the user one retype.
- "2.5" or "2,5" is refused: a count of people or sessions is a whole number.

A browser's `<input type="number">` throws away text it cannot parse ("2 000" arrives
empty) or reads "2.000" as 2 before the server sees it, so counts are typed in a text
input that asks phones for the digit keyboard (`inputmode="numeric"`).
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput

from core.cells import parse_int
from core.text import without_control_characters


class CountInput(forms.TextInput):
    """A text box for a whole number, with the phone's digit keyboard."""

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__({"inputmode": "numeric", "autocomplete": "off", **(attrs or {})})


class CountField(forms.IntegerField):
    """A whole number typed with or without "." or spaces between thousands."""

    widget = CountInput
    default_error_messages = {
        "invalid": _(
            "“%(value)s” is not a whole number. Write it with digits only or with a dot between thousands: "
            "2000 or 2.000."
        ),
        "comma": _(
            "“%(value)s” is ambiguous: a comma marks decimals in Vietnamese. "
            "Write the number with digits only or with a dot between thousands: 2000 or 2.000."
        ),
    }

    def to_python(self, value) -> int | None:
        if value in self.empty_values:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        try:
            return parse_int(str(value).strip())
        except ValueError:
            code = "comma" if "," in str(value) else "invalid"
            raise ValidationError(self.error_messages[code], code=code, params={"value": value}) from None


class DayField(forms.DateField):
    """A date typed day first (16/3/2016) or ISO, with a message that says how to write it."""

    widget = AdminDateInput
    default_error_messages = {
        "invalid": _("This is not a date. Write it day first, as dd/mm/yyyy: 16/03/2016."),
    }


def register_overrides() -> None:
    """Make every Wagtail admin model form use these fields for counts and dates."""
    register_form_field_override(models.IntegerField, override={"form_class": CountField})
    register_form_field_override(models.DateField, override={"form_class": DayField, "widget": AdminDateInput})


class PlainTextForm:
    """Form mixin: typed or pasted text is stored without control characters.

    A vertical tab pasted from a word processor into the phone form was stored as it came,
    and every spreadsheet export of that province failed on it. A NUL is refused by
    Django's own check; the others are removed before the form's `clean()` runs, so a
    model form builds its instance from the cleaned text."""

    def _clean_fields(self) -> None:
        super()._clean_fields()
        for name, value in self.cleaned_data.items():
            if isinstance(value, str):
                self.cleaned_data[name] = without_control_characters(value)
