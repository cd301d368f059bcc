import contextlib

import pytest
from django.core.cache import caches
from django.core.cache.backends.base import InvalidCacheBackendError


@pytest.fixture(autouse=True)
def no_cached_renditions():
    """Wagtail caches renditions by image id: ids come again after a rollback."""
    for alias in ("renditions", "default"):
        with contextlib.suppress(InvalidCacheBackendError):
            caches[alias].clear()


@pytest.fixture
def media_on_disk(settings, tmp_path):
    """Public and private files in folders on disk, as in production: the document serve
    view streams from a real path."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    settings.STORAGES = {
        **settings.STORAGES,
        "public": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": settings.PRIVATE_MEDIA_ROOT},
        },
    }
    return tmp_path
