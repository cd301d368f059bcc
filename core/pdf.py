"""PDFs from HTML (WeasyPrint), fetching nothing but the site's own static files.

WeasyPrint fetches every URL the HTML names (images, stylesheets, fonts) unless given a
URL fetcher: a stored link or image of a report could make the server call any address
of its network (cloud metadata, the database's admin page) or read `file:///etc/…`. The
fetcher here answers `data:` URLs and the files under STATIC_URL, read from the static
files storage or the finders, and refuses everything else without a request.
"""

from __future__ import annotations

import mimetypes
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation


def static_file_path(url: str, base_url: str) -> str | None:
    """The file on disk for a URL of the site's own static files, or None."""
    parts, base = urlsplit(url), urlsplit(base_url)
    if parts.scheme not in ("http", "https") or (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
        return None
    path = unquote(parts.path)
    if not path.startswith(settings.STATIC_URL):
        return None
    name = path.removeprefix(settings.STATIC_URL)
    if not name or ".." in name.split("/") or name.startswith("/"):
        return None
    try:
        if staticfiles_storage.exists(name):
            return staticfiles_storage.path(name)
        found = finders.find(name)
    except (SuspiciousFileOperation, NotImplementedError):
        return None
    return found if isinstance(found, str) else None


def static_only_fetcher(base_url: str):
    """A WeasyPrint URL fetcher for `base_url`'s static files and `data:` URLs only."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = static_file_path(url, base_url)
            if path is None:
                raise ValueError(f"Only the site's own static files may be fetched, not {url[:200]}")
            mime_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
            with open(path, "rb") as handle:
                return URLFetcherResponse(url, handle.read(), {"Content-Type": mime_type})

    return StaticOnly(allowed_protocols=("data", "http", "https"), allow_redirects=False)


def html_to_pdf(html: str, base_url: str) -> bytes:
    """The PDF of `html`, whose relative URLs resolve against `base_url` (the site's root)."""
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url, url_fetcher=static_only_fetcher(base_url)).write_pdf()
