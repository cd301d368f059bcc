"""What apps built on this one add to campaigns' admin screens: fields and inline panels in
a record's form, columns in its list.

campaigns' models know nothing of the apps above them; an app that keeps its own records
about an activity or a club (the people on a sign-in list, a club's members) shows them on
campaigns' screens through a part, returned by a function registered under
ADMIN_PARTS_HOOK (in the app's `wagtail_hooks.py`)::

    @hooks.register(ADMIN_PARTS_HOOK)
    def parts():
        return [SignInList()]

A part names the model it belongs to and the slot of the form its panels go in (the
screens offer `links`, beside the record's own links, and `lines`, after its counts). The
form then carries the part's own fields, filled from `initial(instance)`. Before the record
is written, `put(form, instance)` may put the part's lines into the record's cluster, so
that campaigns' write path (campaigns.services) stores them with it in bulk; after the
record is stored, `saved(form, instance)` writes what belongs to the part alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from wagtail import hooks

ADMIN_PARTS_HOOK = "register_campaigns_admin_parts"


class AdminPart:
    """What one app adds to the screens of one of campaigns' models; override what applies."""

    model: type[models.Model]
    slot = "links"
    order = 100

    def panels(self) -> list:
        """The form's panels, placed in the slot named by `slot`."""
        return []

    def form_fields(self) -> dict[str, forms.Field]:
        """Fields of the form that are not the model's (the part keeps their values itself)."""
        return {}

    def initial(self, instance: models.Model) -> dict:
        """The values of `form_fields` for a stored record."""
        return {}

    def clean(self, form: forms.BaseForm, instance: models.Model) -> None:
        """While the form is cleaned: refuse what the part's fields ask (raise ValidationError)."""

    def put(self, form: forms.BaseForm, instance: models.Model) -> None:
        """Before the record is written: the part's lines into the record's cluster."""

    def saved(self, form: forms.BaseForm, instance: models.Model) -> None:
        """After the record is stored, in the same transaction."""

    def columns(self) -> list:
        """Columns added to the record's list."""
        return []

    def list_queryset(self, queryset: models.QuerySet) -> models.QuerySet:
        """The list's queryset, with what the columns read (one query for the whole page)."""
        return queryset


@dataclass(frozen=True)
class Slot:
    """Where in a form the parts' panels go."""

    name: str


def admin_parts(model: type[models.Model]) -> list[AdminPart]:
    """Every registered part of `model`, in their order."""
    parts = [part for hook in hooks.get_hooks(ADMIN_PARTS_HOOK) for part in hook()]
    return sorted((part for part in parts if part.model is model), key=lambda part: part.order)


def fill_slots(panels: Sequence, parts: Sequence[AdminPart]) -> list:
    """`panels` with each Slot replaced by the panels the parts put there."""
    filled = []
    for panel in panels:
        if isinstance(panel, Slot):
            filled += [each for part in parts if part.slot == panel.name for each in part.panels()]
        else:
            filled.append(panel)
    return filled


class PartsFormMixin:
    """A form carrying its parts: their fields' values read and written by the parts."""

    admin_parts: tuple[AdminPart, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for part in self.admin_parts:
                for name, value in part.initial(self.instance).items():
                    self.initial.setdefault(name, value)

    def clean(self):
        cleaned = super().clean()
        for part in self.admin_parts:
            try:
                part.clean(self, self.instance)
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned

    def save(self, commit=True):
        instance = super().save(commit=False)
        for part in self.admin_parts:
            part.put(self, instance)
        if commit:
            instance.save()
            self._save_m2m()
        return instance

    def _save_m2m(self):
        super()._save_m2m()
        for part in self.admin_parts:
            part.saved(self, self.instance)


def form_with_parts(form_class: type[forms.BaseForm], parts: Sequence[AdminPart]) -> type[forms.BaseForm]:
    """`form_class` with the parts' fields declared on it, and the parts to read and write them."""
    if not parts:
        return form_class
    attrs: dict = {"admin_parts": tuple(parts), "__module__": form_class.__module__}
    for part in parts:
        attrs.update(part.form_fields())
    return type(form_class)(form_class.__name__, (PartsFormMixin, form_class), attrs)
