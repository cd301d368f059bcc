"""Loading demo data again and again: records are found by a stable key and written only
when they differ, and a tally says what each run created, updated or left alone."""

from __future__ import annotations

from collections import Counter

from django.db import models

from places.lookup import lookup_place
from places.models import Place

# {"created"|"updated"|"unchanged": {model label: count}}
Report = dict[str, dict[str, int]]


class DemoDataError(RuntimeError):
    """The demo data cannot be loaded, e.g. because the places are not there yet."""


class Tally:
    """How many objects of each model a run created, updated or left as they were."""

    OUTCOMES = ("created", "updated", "unchanged")

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {outcome: Counter() for outcome in self.OUTCOMES}

    def add(self, outcome: str, obj: models.Model) -> None:
        self.counts[outcome][obj._meta.label] += 1

    def report(self) -> Report:
        return {outcome: dict(counts) for outcome, counts in self.counts.items()}


class RecordLoader:
    """Writes records by stable key into its tally, and finds places as people type them."""

    def __init__(self) -> None:
        self.tally = Tally()
        self._places: dict[tuple, Place] = {}

    def upsert(self, model: type[models.Model], key: dict, values: dict | None = None, m2m: dict | None = None):
        """The record matching `key`, created or brought in line with `values` and `m2m` (lists of objects)."""
        obj = model.objects.filter(**key).first() or model(**key)
        adding = obj._state.adding
        changed = adding
        for name, value in (values or {}).items():
            field = model._meta.get_field(name)
            if field.many_to_one:  # compare ids, not fetched objects
                name, value = field.attname, getattr(value, "pk", None)
            if getattr(obj, name) != value:
                setattr(obj, name, value)
                changed = True
        for name, objects in (m2m or {}).items():
            wanted = {item.pk for item in objects}
            if adding or set(getattr(obj, name).values_list("pk", flat=True)) != wanted:
                # Parental relations are stored by save(); so is everything else here.
                getattr(obj, name).set(objects)
                changed = True
        if not changed:
            self.tally.add("unchanged", obj)
            return obj
        obj.full_clean()
        obj.save()
        self.tally.add("created" if adding else "updated", obj)
        return obj

    def old_place(self, province: str, district: str = "", commune: str = "") -> Place:
        """A unit as it was before 1 July 2025, looked up the way a person would type it."""
        key = (province, district, commune)
        if key not in self._places:
            place = lookup_place(province, level=Place.Level.PROVINCE, current=False)
            if district:
                place = lookup_place(district, level=Place.Level.DISTRICT, within=place, current=False)
            if commune:
                place = lookup_place(commune, level=Place.Level.COMMUNE, within=place, current=False)
            self._places[key] = place
        return self._places[key]

    def current_province(self, name: str) -> Place:
        key = ("current", name)
        if key not in self._places:
            self._places[key] = lookup_place(name, level=Place.Level.PROVINCE, current=True)
        return self._places[key]
