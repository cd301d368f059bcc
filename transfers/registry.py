"""The kinds of records that go in and out of spreadsheets, with who may move them.

Each app registers its own kinds at startup (`register_transfer` in its AppConfig.ready()),
before the admin menus and URLs are built; lists and menus show them by `order`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise
from django.utils.module_loading import import_string

if TYPE_CHECKING:
    from transfers.base import TransferResource


@dataclass(frozen=True, kw_only=True)
class Transfer:
    name: str  # in URLs and command names: import_<name>, export_<name>
    label: str | Promise  # "Import %(records)s"
    app_label: str
    model_name: str
    resource_path: str  # the TransferResource, imported when first used
    file_stem: str  # downloaded files: mau-<stem>.xlsx, <stem>-<date>.csv
    order: int  # place in lists and menus
    # The admin list the import screens lead back to, when not the records' own ("app.model").
    listed_with: str = ""
    # The filters of that list, which its export applies too.
    filterset_path: str = ""
    # More screens under the imports' URLs, before the generic ones: a function returning URL patterns.
    urls_path: str = ""

    @property
    def resource(self) -> type[TransferResource]:
        return import_string(self.resource_path)

    @property
    def import_permission(self) -> str:
        return f"{self.app_label}.import_{self.model_name}"

    @property
    def export_permission(self) -> str:
        return f"{self.app_label}.export_{self.model_name}"

    def model(self):
        from django.apps import apps

        return apps.get_model(self.app_label, self.model_name)

    def listing_model(self):
        from django.apps import apps

        return apps.get_model(self.listed_with) if self.listed_with else self.model()

    @property
    def filterset(self):
        return import_string(self.filterset_path) if self.filterset_path else None

    def urlpatterns(self) -> list:
        return import_string(self.urls_path)() if self.urls_path else []

    def queryset(self, user=None):
        resource = self.resource(user=user)
        return resource.scope_queryset(self.model()._default_manager.all())


class TransferRegistry(Mapping):
    """The registered transfers by name, in their `order`."""

    def __init__(self) -> None:
        self._by_name: dict[str, Transfer] = {}

    def register(self, transfer: Transfer) -> Transfer:
        known = self._by_name.get(transfer.name)
        if known is not None and known != transfer:
            raise ImproperlyConfigured(f"Two transfers are called {transfer.name!r}.")
        self._by_name[transfer.name] = transfer
        return transfer

    def __getitem__(self, name: str) -> Transfer:
        return self._by_name[name]

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._by_name, key=lambda name: (self._by_name[name].order, name)))

    def __len__(self) -> int:
        return len(self._by_name)


TRANSFERS = TransferRegistry()


def register_transfer(transfer: Transfer) -> Transfer:
    """Make a kind of record importable and exportable (screens, buttons, commands, jobs)."""
    return TRANSFERS.register(transfer)
