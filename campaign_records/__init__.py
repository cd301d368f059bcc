"""What a host site needs to install the campaign apps (docs/library.md).

    from campaign_records import installed_apps
    INSTALLED_APPS = installed_apps(INSTALLED_APPS)     # the host's own list, Wagtail's included

and, in the host's urls.py, before Wagtail's admin and its catch-all:

    from campaign_records.urls import urlpatterns as campaign_urls
    urlpatterns = campaign_urls() + urlpatterns

This package is not a Django app and imports none of the apps: it names them.
"""

from __future__ import annotations

from collections.abc import Iterable

__version__ = "0.1.0"

# The library's apps, bottom layer first (each imports only the apps before it).
APPS = ["core", "places", "access", "transfers", "campaigns", "trainings", "reporting"]

# The other apps they need, beside Wagtail's own (`wagtail start` installs those).
REQUIRED_APPS = [
    "wagtail.contrib.settings",
    "wagtail.locales",
    "modelcluster",
    "taggit",
    "django_filters",
    "import_export",
    "rest_framework",
    "drf_spectacular",
    "django_tasks",
    "django_tasks_db",
]


def installed_apps(host_apps: Iterable[str] = ()) -> list[str]:
    """The host's INSTALLED_APPS with the library's apps and the apps they need.

    The library's apps go first, before Wagtail's, so that their templates and translations
    take precedence (Django reads the first app's first); the required apps the host lacks go
    at the end. The host's own order is kept; nothing is listed twice.
    """
    host = [app for app in host_apps if app not in APPS]
    missing = [app for app in REQUIRED_APPS if app not in host]
    return [*APPS, *host, *missing]
