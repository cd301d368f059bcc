"""Settings of the public-site benchmark: the test settings, with files on disk (gunicorn's workers
share them) and the directory of the static baseline files served by WhiteNoise at the root."""

import os

from config.settings import base
from config.settings.test import *  # noqa: F403
from config.settings.test import BASE_DIR

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / "bench-media"
WHITENOISE_ROOT = os.environ.get("BENCH_STATIC_ROOT") or None
PUBLIC_PAGE_CACHE_SECONDS = int(os.environ.get("PUBLIC_PAGE_CACHE_SECONDS", "300"))
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
LOGGING = {"version": 1, "disable_existing_loggers": True}
# Background tasks as in production (the test settings run them inside the transaction).
TASKS = base.TASKS
