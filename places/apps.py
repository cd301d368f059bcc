from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    """Vietnam's administrative units, then and now: loading them and finding the one meant."""

    name = "places"
    verbose_name = _("Places")
