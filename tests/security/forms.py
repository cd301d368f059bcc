"""What a browser would post back for an admin form as it was rendered, inline panels included."""

from __future__ import annotations

from django import forms


def _value(bound: forms.BoundField):
    field, value = bound.field, bound.value()
    if isinstance(field, forms.BooleanField):
        return "on" if value else None
    if isinstance(field, forms.ModelMultipleChoiceField) or isinstance(value, list | tuple):
        return [str(item) for item in value or []]
    if value is None:
        return ""
    if isinstance(field, forms.ModelChoiceField):
        return str(value)
    formatted = field.widget.format_value(value)
    return "" if formatted is None else formatted


def form_data(form: forms.BaseForm) -> dict:
    """The form's fields, each formset's management form and lines, as a POST would carry them."""
    data: dict = {}
    parts: list[forms.BaseForm] = [form]
    for formset in getattr(form, "formsets", {}).values():
        parts += [formset.management_form, *formset.forms]
    for part in parts:
        for bound in part:
            value = _value(bound)
            if value is not None:
                data[bound.html_name] = value
    return data


def add_line(data: dict, prefix: str, **values) -> dict:
    """One more line in the inline panel `prefix`, as the panel's "add" button makes it."""
    number = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(number + 1)
    data[f"{prefix}-{number}-id"] = ""
    data[f"{prefix}-{number}-DELETE"] = ""
    for name, value in values.items():
        data[f"{prefix}-{number}-{name}"] = value
    return data


def formset(prefix: str, rows: list[dict] | None = None, initial: int = 0) -> dict:
    """An inline panel's management form and `rows` as new lines, as a browser posts them."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows or [])),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows or []):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
    return data
