"""Many-to-many columns (an activity's organisers and audiences), which bulk mode of
django-import-export does not write itself: the links each row gives are compared with
those the records have, and written once the records are."""

from __future__ import annotations

from copy import deepcopy

from django.db import models

from core.cells import split_list
from transfers.widgets import LookupWidget


class ManyToManyColumns:
    """Part of `TransferResource`: `m2m_columns` = {column key: (model field name, widget)}."""

    m2m_columns: dict[str, tuple[str, LookupWidget]] = {}

    def scope_m2m_columns(self, user) -> None:
        """This resource's own copy of the columns, finding only what `user` may see."""
        self.m2m_columns = deepcopy(self.m2m_columns)
        if user is not None:
            for key, (name, widget) in self.m2m_columns.items():
                self.m2m_columns[key] = (name, widget.for_user(user))
        self.existing_m2m: dict[str, dict[int, set[int]]] = {}

    def read_existing_links(self, dataset) -> None:
        """The links that the records named by the chunk's codes have now, in one query per column."""
        self.existing_m2m = {}
        key = self.import_id_key()
        if not self.m2m_columns or key not in dataset.headers:
            return
        values = {str(value) for value in dataset[key] if value not in (None, "")}
        pks = {int(value[1:]) for value in values if value.startswith("#") and value[1:].isdigit()}
        attribute = self.fields[key].attribute
        query = models.Q(**{f"{attribute}__in": values}) | models.Q(pk__in=pks)
        ids = self._meta.model._default_manager.filter(query).values("pk")
        for key, (name, _widget) in self.m2m_columns.items():
            if key not in dataset.headers:
                continue
            through = self._meta.model._meta.get_field(name).remote_field.through
            source, target = self._through_columns(name)
            links: dict[int, set[int]] = {}
            for owner, other in through.objects.filter(**{f"{source}__in": ids}).values_list(source, target):
                links.setdefault(owner, set()).add(other)
            self.existing_m2m[name] = links

    def _through_columns(self, name: str) -> tuple[str, str]:
        model_field = self._meta.model._meta.get_field(name)
        through = model_field.remote_field.through
        source = next(f.attname for f in through._meta.fields if f.related_model is self._meta.model)
        target = next(
            f.attname
            for f in through._meta.fields
            if f.related_model is model_field.related_model and f.attname != source
        )
        return source, target

    def read_links(self, instance, row, errors: dict) -> None:
        """The row's many-to-many cells onto `instance._m2m`; a refused cell added to `errors`."""
        instance._m2m = {}
        for key, (name, widget) in self.m2m_columns.items():
            if key not in row:
                continue
            try:
                instance._m2m[name] = sorted({widget.clean(item).pk for item in split_list(row[key])})
            except ValueError as error:
                errors.setdefault(key, []).append(str(error))

    def changed_links(self, instance) -> list[str]:
        return [
            name
            for name, ids in getattr(instance, "_m2m", {}).items()
            if set(ids) != self.existing_m2m.get(name, {}).get(instance.pk, set())
        ]

    def write_links(self) -> None:
        """The audit list of what was written, and the many-to-many links of the written records."""
        new_links: dict[str, list] = {}
        stale: dict[str, list[int]] = {}
        for instance in self.pending:
            is_new = not hasattr(instance, "_snapshot")
            (self.created if is_new else self.updated).append((instance.pk, self.log_label(instance)))
            for name, ids in getattr(instance, "_m2m", {}).items():
                if not is_new and set(ids) == self.existing_m2m.get(name, {}).get(instance.pk, set()):
                    continue
                if not is_new:
                    stale.setdefault(name, []).append(instance.pk)
                new_links.setdefault(name, []).extend((instance.pk, other) for other in ids)
        for name in set(new_links) | set(stale):
            through = self._meta.model._meta.get_field(name).remote_field.through
            source, target = self._through_columns(name)
            if stale.get(name):
                through.objects.filter(**{f"{source}__in": stale[name]}).delete()
            through.objects.bulk_create(
                [through(**{source: owner, target: other}) for owner, other in new_links.get(name, [])],
                batch_size=self._meta.batch_size,
            )
