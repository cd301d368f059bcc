"""Production: gunicorn behind a reverse proxy that terminates TLS, PostgreSQL.

Refuses to start without a real SECRET_KEY and ALLOWED_HOSTS.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DEVELOPMENT_SECRET_KEY, SECRET_KEY, env

DEBUG = False

if SECRET_KEY == DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a long random value in production "
        "(python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")  # no default: it must be given
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's host names in production.")

# The proxy speaks HTTPS to the world and tells us so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views set SAMEORIGIN for themselves
# Rate limits and lockouts count in the cache: a per-process cache would give each worker
# its own count (and a restart a fresh one), so production wants a shared one (Redis).
if CACHES["default"]["BACKEND"].rsplit(".", 1)[-1] in {"LocMemCache", "DummyCache"}:  # noqa: F405
    raise ImproperlyConfigured(
        "CACHE_URL must name a shared cache (redis://…) in production: rate limits are counted there."
    )

STORAGES = {
    "default": STORAGES["default"],  # noqa: F405 - public or private by the file's name
    "public": STORAGES["public"],  # noqa: F405 - MEDIA_ROOT, served by the proxy
    "private": STORAGES["private"],  # noqa: F405 - PRIVATE_MEDIA_ROOT, through the application
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "imports": STORAGES["imports"],  # noqa: F405 - IMPORTS_ROOT, unless a bucket is named below
    "reports": STORAGES["reports"],  # noqa: F405 - REPORTS_ROOT, unless a bucket is named below
}

# Uploaded files on S3-compatible object storage when a bucket is named (several app
# servers then share them); documents still go through Wagtail's serve view, so
# permissions apply to every download. Credentials: AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY in the environment, read by boto3.
if env.str("AWS_STORAGE_BUCKET_NAME", default=""):
    STORAGES["public"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env.str("AWS_S3_REGION_NAME", default=None),
            "default_acl": None,  # the bucket stays private
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    # Private files (activity photos, restricted documents, drafts' files) in their own
    # bucket, or under their own prefix of the same one: the application checks who asks,
    # then redirects to an address signed for a few minutes.
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **STORAGES["public"]["OPTIONS"],
            "bucket_name": env.str("PRIVATE_STORAGE_BUCKET_NAME", default=env.str("AWS_STORAGE_BUCKET_NAME")),
            "location": env.str("PRIVATE_STORAGE_LOCATION", default="private"),
            "querystring_expire": env.int("PRIVATE_STORAGE_URL_SECONDS", default=300),
        },
    }
    # Uploaded import files (maybe personal data) wait for the worker under their own
    # prefix of the private bucket, so that any app server and any worker reach them.
    # They are never given an address; the job deletes its file when it ends.
    STORAGES["imports"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **STORAGES["public"]["OPTIONS"],
            "bucket_name": env.str("IMPORTS_STORAGE_BUCKET_NAME", default=env.str("AWS_STORAGE_BUCKET_NAME")),
            "location": "imports",
        },
    }
    # Report templates under their own prefix of the private bucket, never given an address.
    STORAGES["reports"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**STORAGES["public"]["OPTIONS"], "location": "reports"},
    }
    # Images and video renditions come from the storage's address.
    _storage_origin = env.str("AWS_S3_ENDPOINT_URL", default="https://*.amazonaws.com")
    for _directive in ("img-src", "media-src"):
        CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive].append(_storage_origin)  # noqa: F405

# Sessions: in the shared cache (Redis) and the database, so that any app server can
# answer any request and a cache restart signs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
