"""Rules that every write of an activity goes through, whoever writes it.

`campaigns.services` runs every registered rule on every write: the admin form, the phone
form and its queue, imports of activities and of sign-in lines, bulk changes and deletes.
A rule is written once and holds everywhere, so no way of recording can store what another
would refuse.

An app adds a rule from its `AppConfig.ready()`::

    from campaigns.rules import WriteRule, register_write_rule

    class LockedPeriods(WriteRule):
        name = "reports.locked_periods"

        def check(self, writes, *, user):
            for write in writes:
                if is_locked(write.activity.start_date):
                    write.refuse(_("This period is closed."), field="start_date")

    register_write_rule(LockedPeriods())

`check` runs before anything is written (a refusal there means nothing is written);
`written` runs after the records and their lines are written, inside the same transaction.
Both get every record of one write at once, so that a rule can read what it needs in one
query whatever the number of records. A rule must give the same answer when it is asked
twice (an import checks its rows, then checks them again as it writes them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


class Action(StrEnum):
    CREATE = "create"
    EDIT = "edit"
    DELETE = "delete"
    LINES = "lines"  # only the activity's lines (its sign-in list) change


@dataclass(eq=False)
class RecordWrite:
    """One record in a write: the record as it is about to be stored, and what is done to it."""

    record: object
    action: Action
    errors: dict[str, list[str]] = field(default_factory=dict, kw_only=True)
    notes: list[tuple[str, str]] = field(default_factory=list, kw_only=True)

    def refuse(self, message, field: str = NON_FIELD_ERRORS) -> None:
        """Refuse this write: nothing of the whole write is stored, and the writer shows `message`."""
        self.errors.setdefault(field, []).append(str(message))

    def note(self, message, field: str = "") -> None:
        """Something worth telling the writer about the stored record (not a refusal)."""
        self.notes.append((field, str(message)))

    @property
    def refused(self) -> bool:
        return bool(self.errors)


@dataclass(eq=False)
class ActivityWrite(RecordWrite):
    """One activity in a write (`record` is the activity)."""

    lines_changed: bool = False

    @property
    def activity(self):
        return self.record


class WriteRule:
    """A rule over writes of activities; subclasses override `check`, `written` or both."""

    name = ""

    def check(self, writes: Sequence[ActivityWrite], *, user) -> None:
        """Before the write: refuse writes (`write.refuse`) or adjust the records."""

    def written(self, writes: Sequence[ActivityWrite], *, user) -> None:
        """After the write, in its transaction: writes that belong to the same change."""

    def check_records(self, writes: Sequence[RecordWrite], *, user) -> None:
        """Before a write of the other dated records (clubs, distributions, targets): refuse
        writes as `check` does. Their writers call `check_record_writes`."""


class WriteRefused(ValidationError):
    """One or more writes were refused by a rule: nothing was written. `writes` are the refused ones."""

    def __init__(self, writes: Sequence[RecordWrite]):
        self.writes = list(writes)
        super().__init__(self.writes[0].errors)

    def by_field(self) -> list[tuple[str | None, str]]:
        """(field or None, message) of every refused write, for a form to show."""
        return [
            (None if name == NON_FIELD_ERRORS else name, message)
            for write in self.writes
            for name, messages in write.errors.items()
            for message in messages
        ]


_rules: dict[str, WriteRule] = {}


def register_write_rule(rule: WriteRule) -> WriteRule:
    """Run `rule` on every write of an activity from now on (once per name)."""
    _rules[rule.name or type(rule).__qualname__] = rule
    return rule


def unregister_write_rule(name: str) -> None:
    _rules.pop(name, None)


def write_rules() -> list[WriteRule]:
    return list(_rules.values())


def run_checks(writes: Sequence[ActivityWrite], *, user) -> None:
    """Every rule's `check`; raises WriteRefused when any write was refused."""
    for rule in write_rules():
        rule.check(writes, user=user)
    refused = [write for write in writes if write.refused]
    if refused:
        raise WriteRefused(refused)


def run_written(writes: Sequence[ActivityWrite], *, user) -> None:
    for rule in write_rules():
        rule.written(writes, user=user)


def check_record_writes(writes: Sequence[RecordWrite], *, user=None) -> None:
    """Every rule's `check_records` over writes of clubs, distributions or targets; raises
    WriteRefused when any was refused. Their models call it from `clean()` (so forms and
    imports refuse alike) and their deletes before deleting."""
    for rule in write_rules():
        rule.check_records(writes, user=user)
    refused = [write for write in writes if write.refused]
    if refused:
        raise WriteRefused(refused)


def check_record(record, *, user=None) -> None:
    """From the `clean()` of a club, a distribution or a target: the rules' check of a new
    record, or of a stored one whose values change (a form saved unchanged is no write).
    Raises WriteRefused, a ValidationError, so that every form and import shows the refusal."""
    if record._state.adding or record.pk is None:
        check_record_writes([RecordWrite(record, Action.CREATE)])
        return
    names = [f.attname for f in record._meta.concrete_fields if not f.primary_key]
    stored = type(record)._base_manager.filter(pk=record.pk).values(*names).first()
    if stored is None or any(stored[name] != getattr(record, name) for name in names):
        check_record_writes([RecordWrite(record, Action.EDIT)])


def check_record_delete(records, *, user=None) -> None:
    """Before clubs, distributions or targets are deleted: the rules' check of each."""
    writes = [RecordWrite(record, Action.DELETE) for record in records]
    if writes:
        check_record_writes(writes, user=user)
