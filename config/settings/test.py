"""Tests: `make test`. DATABASE_URL picks the database (SQLite by default)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins in tests
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A second alias standing for a read replica, for the router's tests. It mirrors the test
# database; on SQLite (one shared in-memory database) it reads without taking locks, as a
# replica would not block the primary. Reads go there only where a test turns
# REPLICA_READS on.
DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405
if DATABASES["replica"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["replica"]["OPTIONS"] = {"init_command": "PRAGMA read_uncommitted=1;"}  # noqa: F405
REPLICA_READS = False
# `make test-fast`: the SQLite test database in a file kept between runs (pytest --reuse-db),
# instead of a new in-memory one migrated each run. Never in .ci/run.
if env.str("TEST_DATABASE_FILE", default="") and DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": env.str("TEST_DATABASE_FILE")}  # noqa: F405
# Every test client comes from 127.0.0.1: limits high enough for a whole run; the
# rate-limit tests lower them.
RATE_LIMITS = dict.fromkeys(RATE_LIMITS, "100000/min")  # noqa: F405
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off, so tests see what they just wrote; the cache tests turn it on.
PUBLIC_PAGE_CACHE_SECONDS = 0
PUBLIC_TOTALS_CACHE_SECONDS = 0
STORAGES = {
    "default": {"BACKEND": "core.storage.MediaStorage"},
    "public": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "imports": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "reports": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}

# Static files straight from the apps, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

import tempfile  # noqa: E402

# Each test runs in a transaction that never commits: Wagtail's indexing runs at once.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "imports": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
IMPORTS_ROOT = tempfile.mkdtemp(prefix="imports-test-")
