"""Wagtail's document serve view through the proxy: SENDFILE_BACKEND = "core.sendfile" when
PRIVATE_MEDIA_ACCEL_PREFIX is set (docs/deploy.md). The application checks who asks; the
proxy sends the bytes, a private file from its internal location, a public one from MEDIA_URL."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpResponse

from core.conf import setting


def sendfile(request, filename: str, **kwargs) -> HttpResponse:
    path = Path(filename).resolve()
    for root, prefix in (
        (setting("PRIVATE_MEDIA_ROOT", None), setting("PRIVATE_MEDIA_ACCEL_PREFIX", "")),
        (settings.MEDIA_ROOT, settings.MEDIA_URL),
    ):
        if not root or not prefix:
            continue
        root = Path(root).resolve()
        if path.is_relative_to(root):
            response = HttpResponse(content_type=kwargs.get("mimetype") or "application/octet-stream")
            # An address, percent-encoded (nginx decodes it): a header carries Latin-1 only,
            # and an upload's own name (kept by files stored before the random names) may
            # hold Vietnamese letters, spaces, "#", "?" or "%".
            response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(path.relative_to(root).as_posix())
            return response
    raise Http404
