"""Edit forms that refuse a stale save (see campaigns.models.versioning).

The form carries the version it was loaded at as a hidden field. When someone else saved
the record meanwhile, the save is refused: the form comes back with the user's entries
kept, who changed the record and when, the fields where the saved record and the form
differ, and links to the saved version and to the record's history.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.formats import date_format
from django.utils.text import Truncator, capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import ModelLogEntry

from access.viewsets import ScopedAdminForm, ScopedEditView
from campaigns.models.versioning import EditConflict

EMPTY = "—"


class VersionedAdminForm(ScopedAdminForm):
    """An admin form for a Versioned model: the version it was loaded at travels with it."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            version = cleaned.get("version")
            if version is None:
                raise forms.ValidationError(
                    gettext_lazy("This form is out of date. Reload the page and enter your changes again."),
                    code="no_version",
                )
            # The save then claims exactly this version, or is refused.
            self.instance.version = version
        return cleaned


@dataclass
class Difference:
    label: str
    saved: str
    yours: str


@dataclass
class ConflictReport:
    """What the refused user is shown."""

    message: str
    differences: list[Difference] = field(default_factory=list)
    saved_url: str = ""
    history_url: str = ""


class ConflictRefusingEditView(ScopedEditView):
    """An edit view whose save is refused, with the form kept, when the record changed meanwhile."""

    template_name = "campaigns/admin/edit_versioned.html"
    conflict: ConflictReport | None = None

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except EditConflict as conflict:
            # The save's transaction was rolled back: nothing of this form was stored.
            self.conflict = self.conflict_report(form, conflict)
            self.produced_error_code = "edit_conflict"
            self.produced_error_message = self.conflict.message
            return self.form_invalid(form)

    def conflict_report(self, form, conflict: EditConflict) -> ConflictReport:
        model = type(conflict.instance)
        current = model._base_manager.get(pk=conflict.instance.pk)
        who, when = self.last_change(current)
        message = _(
            "This %(model)s was changed by %(user)s at %(time)s while you were editing it. Your changes were not saved."
        ) % {"model": model._meta.verbose_name, "user": who, "time": when}
        return ConflictReport(
            message=capfirst(message),
            differences=differences(form, current),
            saved_url=self.get_edit_url(),
            history_url=self.get_history_url() or "",
        )

    def last_change(self, current) -> tuple[str, str]:
        """Who made the last recorded change and when (the audit log; else the record's own time)."""
        entry = ModelLogEntry.objects.for_instance(current).select_related("user").order_by("-timestamp", "-pk").first()
        when = entry.timestamp if entry else getattr(current, "updated_at", None)
        if entry is None:
            who = _("someone else")
        elif entry.user_id and entry.user_id == self.request.user.pk:
            who = _("you, in another window")
        elif entry.user_id:
            who = entry.user_display_name
        elif (entry.data or {}).get("source") == "import":
            who = _("an import")
        else:
            who = _("someone else")
        return who, date_format(localtime(when), "H:i d/m/Y") if when else EMPTY

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["edit_conflict"] = self.conflict
        return context


def differences(form, current: models.Model) -> list[Difference]:
    """The form's fields whose value differs from the saved record, with both values shown;
    the fields of the form's admin parts (campaigns.viewsets.parts) as their parts read them."""
    rows = []
    saved_by_parts: dict = {}
    for part in getattr(form, "admin_parts", ()):
        saved_by_parts.update(part.initial(current))
    for name, form_field in form.fields.items():
        if name == "version" or name not in form.cleaned_data:
            continue
        try:
            model_field = current._meta.get_field(name)
        except FieldDoesNotExist:
            if name in saved_by_parts:
                rows += _part_difference(form_field, saved_by_parts[name], form.cleaned_data[name])
            continue
        yours = form.cleaned_data[name]
        saved = getattr(current, name)
        if model_field.many_to_many:
            saved, yours = list(saved.all()), list(yours or [])
        if _key(saved) != _key(yours):
            rows.append(Difference(str(form_field.label), _show(model_field, saved), _show(model_field, yours)))
    for name, formset in getattr(form, "formsets", {}).items():
        saved_lines = _child_lines(formset, getattr(current, name).all())
        your_lines = _form_lines(formset)
        if sorted(saved_lines) != sorted(your_lines):
            label = capfirst(formset.model._meta.verbose_name_plural)
            rows.append(Difference(str(label), _lines(len(saved_lines)), _lines(len(your_lines))))
    return rows


def _part_difference(form_field, saved, yours) -> list[Difference]:
    """A part's choice field: the saved records (ids, as the part reads them) against the
    form's. Only records the form could offer are shown: others stay unnamed, as in the form."""
    offered = getattr(form_field, "queryset", None)
    if offered is None:
        return []
    many = isinstance(saved, list | tuple)
    saved_ids = set(saved) if many else ({saved} if saved not in (None, "") else set())
    yours = list(yours or []) if many else ([yours] if yours not in (None, "") else [])
    saved_shown = list(offered.filter(pk__in=saved_ids)) if saved_ids else []
    if {item.pk for item in saved_shown} == {item.pk for item in yours}:
        return []
    return [Difference(str(form_field.label), _objects(saved_shown), _objects(yours))]


def _objects(items: list) -> str:
    return ", ".join(sorted(str(item) for item in items)) or EMPTY


def _key(value):
    if isinstance(value, list):
        return sorted(item.pk for item in value)
    if isinstance(value, models.Model):
        return value.pk
    return None if value in (None, "") else value


def _show(model_field, value) -> str:
    if value in (None, "", []):
        return EMPTY
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.date):
        return date_format(value, "d/m/Y")
    return Truncator(str(value)).chars(200)


def _child_fields(formset) -> list[str]:
    skip = {"id", "DELETE", "ORDER", formset.fk.name if hasattr(formset, "fk") else ""}
    return [name for name in formset.form.base_fields if name not in skip]


def _child_lines(formset, children) -> list[tuple]:
    names = _child_fields(formset)
    return [tuple(str(_key(getattr(child, name))) for name in names) for child in children]


def _form_lines(formset) -> list[tuple]:
    names = _child_fields(formset)
    lines = []
    for child_form in formset.forms:
        data = getattr(child_form, "cleaned_data", None)
        if not data or formset._should_delete_form(child_form):
            continue
        lines.append(tuple(str(_key(data.get(name))) for name in names))
    return lines


def _lines(count: int) -> str:
    return _("lines: %(count)d") % {"count": count}
