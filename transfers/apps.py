from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransfersConfig(AppConfig):
    """The import and export engine; each app registers its own kinds of records with it."""

    name = "transfers"
    label = "transfers"
    verbose_name = _("Imports and exports")
