from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo records and pages drawn from the provincial reports: `manage.py load_demo`."""

    name = "demo"
    label = "demo"
    verbose_name = _("Demo data")
