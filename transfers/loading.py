"""Finding the records that the rows of a file update, by their import code."""

from __future__ import annotations

from django.db import models, transaction
from import_export.instance_loaders import CachedInstanceLoader


class CodeInstanceLoader(CachedInstanceLoader):
    """Records found by the import code column in one query per chunk: by the code kept on
    the record, or "#<id>" for a record that has none (what an export writes for it)."""

    def __init__(self, resource, dataset=None):
        self.resource, self.dataset = resource, dataset
        key = resource.import_id_key()
        self.key = key
        self.all_instances = {}
        if not dataset or key not in dataset.headers:
            return
        values = {str(value) for value in dataset[key] if value not in (None, "")}
        ids = {int(value[1:]) for value in values if value.startswith("#") and value[1:].isdigit()}
        codes = values - {f"#{pk}" for pk in ids}
        attribute = resource.fields[key].attribute
        # "#<id>" finds only a record the user may see: another province's is "no record
        # has the number", as one that does not exist. A code stays unique across
        # provinces, so a code used elsewhere is refused as such.
        visible_ids = resource.scope_queryset(resource.get_queryset()).filter(pk__in=ids).values("pk")
        query = models.Q(**{f"{attribute}__in": codes}) | models.Q(pk__in=visible_ids)
        queryset = resource.get_queryset().filter(query)
        if transaction.get_connection(queryset.db).in_atomic_block:
            # The rows stay locked until the import commits: an edit saved meanwhile waits,
            # then finds the version the import moved and is refused, rather than being
            # overwritten by values read before it (PostgreSQL; SQLite writers take turns).
            queryset = queryset.select_for_update(of=("self",)).order_by("pk")
        for instance in queryset:
            code = getattr(instance, attribute)
            if code in codes:
                self.all_instances[code] = instance
            if instance.pk in ids:
                self.all_instances[f"#{instance.pk}"] = instance

    def get_instance(self, row):
        value = row.get(self.key)
        return self.all_instances.get(str(value)) if value not in (None, "") else None
