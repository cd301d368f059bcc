"""The default Wagtail Site follows the configured address (settings.SITE_URL).

Canonical links, og:url, feeds and the XML sitemap are built from the Site record's
host and port. The record made by the first migration says localhost:80, which is
right nowhere, so `migrate` and `load_demo` set it from the setting every time: the
setting is the one place to change the public address.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models.signals import post_migrate

DEFAULT_PORTS = {"http": 80, "https": 443}


def site_address(url: str) -> tuple[str, int]:
    """ "https://example.org" → ("example.org", 443); "http://127.0.0.1:8000" → ("127.0.0.1", 8000)."""
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ImproperlyConfigured(f"SITE_URL must be an http or https address, not {url!r}.")
    return parts.hostname, parts.port or DEFAULT_PORTS[parts.scheme]


def configure_default_site(using: str = "default") -> bool:
    """Point the default Site at SITE_URL; True when it changed."""
    from wagtail.models import Site

    hostname, port = site_address(settings.SITE_URL)
    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(using=using)  # save(), not update(): Wagtail clears its cached site root paths on save
    return True


def _after_migrate(sender, using: str = "default", **kwargs) -> None:
    configure_default_site(using)


def connect() -> None:
    from django.apps import apps

    post_migrate.connect(_after_migrate, sender=apps.get_app_config("cms"), dispatch_uid="cms.configure_default_site")
