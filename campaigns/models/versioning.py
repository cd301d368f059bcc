"""Optimistic locking: a record carries a version number, and a save names the version it
was read at. Two people editing the same record: the first save wins, the second is
refused (EditConflict) instead of silently overwriting the first.

The check is one conditional UPDATE (… SET version = version + 1 WHERE id = … AND
version = …) inside the save's transaction. On PostgreSQL a second writer blocks on the
row until the first commits and then finds the version moved; on SQLite, IMMEDIATE
transactions make writers take turns. Either way exactly one of two concurrent saves wins.
"""

from __future__ import annotations

from django.db import models, router, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class EditConflict(Exception):
    """The record changed since it was read: the save was refused and nothing was written."""

    def __init__(self, instance: models.Model, expected: int):
        self.instance = instance
        self.expected = expected
        super().__init__(f"{instance._meta.label} {instance.pk}: version {expected} is no longer current")


class VersionedQuerySet(models.QuerySet):
    """Every bulk change counts as a change: `update()` (and so `bulk_update()`, which calls
    it) moves the version, so a form opened before an import or a sign-in list change is refused."""

    def update(self, **kwargs):
        kwargs.setdefault("version", F("version") + 1)
        return super().update(**kwargs)

    def touch(self) -> int:
        """Count these records as changed (a related list changed): their versions move."""
        return self.update()


class Versioned(models.Model):
    """A model whose saves are refused when someone else saved it since it was read."""

    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Moves on every change; refuses stale edits.")
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if self._state.adding or self.pk is None:
            super().save(*args, **kwargs)
            return
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        with transaction.atomic(using=using):
            self.claim_version(using)
            super().save(*args, **kwargs)
            self.after_update()

    def claim_version(self, using: str) -> None:
        """Move the stored version from the one this instance was read at, or refuse.

        The conditional UPDATE also locks the row (PostgreSQL) until the save commits.
        """
        rows = type(self)._base_manager.db_manager(using).filter(pk=self.pk)
        if rows.filter(version=self.version).update(version=F("version") + 1):
            self.version += 1
        elif rows.exists():
            raise EditConflict(self, self.version)
        # No row at all: the save below inserts it, as Django's save would.

    def after_update(self) -> None:
        """Writes that belong to the same change, inside its transaction (for subclasses)."""
