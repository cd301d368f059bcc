"""Settings shared by every environment. Values that differ between machines come from
the environment (12-factor); see README.md for the variables."""

import datetime
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

from campaign_records import installed_apps

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A `.env` file in the project folder is optional; real environment variables win.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# Only for development and tests: production settings refuse to start with it.
DEVELOPMENT_SECRET_KEY = "django-insecure-development-only-never-use-in-production"
SECRET_KEY = env.str("SECRET_KEY", default=DEVELOPMENT_SECRET_KEY)
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# The library's apps (core, places, access, transfers, campaigns, trainings, reporting) first,
# so that their templates and translations take precedence, in the order of their layers:
# this site installs them as any host does (docs/library.md). Then the site's own apps.
INSTALLED_APPS = installed_apps(
    [
        "cms",
        "demo",
        "guides",
        "wagtail.contrib.forms",
        "wagtail.contrib.redirects",
        "wagtail.contrib.settings",
        "wagtail.contrib.sitemaps",
        "wagtail.contrib.simple_translation",
        "wagtail.embeds",
        "wagtail.sites",
        "wagtail.users",
        "wagtail.snippets",
        "wagtail.documents",
        "wagtail.images",
        "wagtail.search",
        "wagtail.locales",
        "wagtail.admin",
        "wagtail",
        "modelcluster",
        "taggit",
        "django_filters",
        "import_export",
        "rest_framework",
        "drf_spectacular",
        "django_tasks",
        "django_tasks_db",
        "axes",
        "csp",
        "django.contrib.auth",
        "django.contrib.contenttypes",
        "django.contrib.sessions",
        "django.contrib.messages",
        "django.contrib.staticfiles",
        "django.contrib.sitemaps",
    ]
)

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.csp.SitePolicyMiddleware",  # before the page cache: cached pages get the header too
    "core.headers.PermissionsPolicyMiddleware",  # the same for Permissions-Policy
    # Public pages for anonymous readers straight from the cache (cms/cache.py).
    "cms.cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.ratelimit.RateLimitMiddleware",  # after the locale: its 429 page speaks the reader's language
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.admin_language.AdminLanguageMiddleware",  # the admin's 404 in its user's language
    "trainings.phone_sessions.EndedSessions",  # signs out what an administrator's End sessions ended
    "trainings.middleware.ClearSiteDataOnSignOut",  # the browser forgets the site's caches on sign-out
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last: it turns a lockout into the lockout page
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# Database: DATABASE_URL, by default an SQLite file in the project folder.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several trainers may save at once: WAL lets readers run beside a writer, and
    # IMMEDIATE transactions take the write lock up front instead of failing midway
    # with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;PRAGMA busy_timeout=20000;"
        ),
    }
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# A read replica of the primary (PostgreSQL streaming replication, say): reports and the
# API read from it (core/routers.py); every write goes to the primary.
if env.str("REPLICA_DATABASE_URL", default=""):
    DATABASES["replica"] = env.db_url("REPLICA_DATABASE_URL")
    DATABASES["replica"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = True
REPLICA_READS = "replica" in DATABASES
DATABASE_ROUTERS = ["core.routers.ReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: CACHE_URL (for example redis://127.0.0.1:6379/1); a per-process memory cache
# when unset, which is fine for one development server and not for production.
CACHES = {"default": env.cache_url("CACHE_URL", default=env.str("REDIS_URL", default="locmemcache://"))}
# How long a public page stays cached; publishing anything clears them all (cms/cache.py).
PUBLIC_PAGE_CACHE_SECONDS = env.int("PUBLIC_PAGE_CACHE_SECONDS", default=300)
# Public totals hide counts of people of sensitive audiences (returned victims) below this:
# 11 is the k of the Counter Trafficking Data Collaborative's published data.
SENSITIVE_COUNT_THRESHOLD = env.int("SENSITIVE_COUNT_THRESHOLD", default=11)
# In public counts of people, each sensitive activity (returned victims) of fewer than the
# threshold is moved by at most this much, by its own key, the same way in every answer
# (reporting/stats/perturbation.py). The secret shifts every move (SECRET_KEY when unset):
# whoever knows it and the records' keys can undo the moves, so it stays on the server.
PUBLIC_PERTURBATION_BOUND = env.int("PUBLIC_PERTURBATION_BOUND", default=1)
PUBLIC_PERTURBATION_SECRET = env.str("PUBLIC_PERTURBATION_SECRET", default="")
# The day of the month reporting periods start on (reporting/periods/calendar.py): 15 for a
# calendar whose first quarter runs from 15 December to 14 March.
REPORTING_PERIOD_FIRST_DAY = env.int("REPORTING_PERIOD_FIRST_DAY", default=1)
REPORTING_PUBLIC_APPROVED_ONLY = env.bool("REPORTING_PUBLIC_APPROVED_ONLY", default=False)

# Content Security Policy (core/csp.py): scripts from our origin or with the request's
# nonce (`{{ request.csp_nonce }}`), video players in frames, nothing else from outside.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF, "https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}

# Permissions-Policy (core/headers.py): browser features that no page uses, denied to every
# origin. The phone form needs none of them (the commune comes from a list, photos are files).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "camera", "microphone", "geolocation", "payment", "usb", "serial", "bluetooth", "hid",
        "accelerometer", "gyroscope", "magnetometer", "midi", "display-capture", "browsing-topics",
    )
}  # fmt: skip

# The phone form's pages (trainings) wear the public site's header, footer and stylesheet,
# which its service worker keeps on the phone for use without signal (trainings/conf.py).
TRAININGS_PAGE_TEMPLATE = "cms/base.html"
TRAININGS_PAGE_STATIC = ["cms/site.css"]

# Password guessing: after 5 wrong passwords for one username from one address, that
# pair is locked out for 30 minutes (a 429 page); a successful login clears the count.
# Attempts are kept in the database for the lockout; they are not written to the logs.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "errors/locked_out.html"
# The lockout counts per the address every rate limit reads (core/clientip.py).
AXES_CLIENT_IP_CALLABLE = "core.clientip.client_ip"
# Addresses or networks of the reverse proxies in front: X-Forwarded-For is read only from
# them (none by default: the client is REMOTE_ADDR, whatever a header says).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    # Place names and common words of Vietnam with a year ("Thanhhoa2024"): core/passwords.py.
    {"NAME": "core.passwords.LocalCommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Vietnamese first, English second.
LANGUAGE_CODE = "vi"
LANGUAGES = [
    ("vi", _("Vietnamese")),
    ("en", _("English")),
]
# Our own strings first, then our Vietnamese for Wagtail's admin, where its catalogue is
# missing or wrong: every LOCALE_PATHS entry wins over the apps' own catalogues. The
# overrides live in their own folder because `make messages` (makemessages --no-obsolete)
# would drop from locale/vi any msgid that is not in our sources (see locale/overrides/README.md).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "overrides"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# Dates are typed day first in every language (config/formats/): 16/3/2016.
FORMAT_MODULE_PATH = ["config.formats"]

WAGTAIL_I18N_ENABLED = True
# Labels that translate (see core/login.py).
WAGTAILADMIN_USER_LOGIN_FORM = "core.login.SignInForm"
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Activity photos, restricted documents and the files of drafts: a folder that nothing
# serves; the application hands them out after asking who is looking (core/storage.py).
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "var" / "private-media")
# Where the proxy serves PRIVATE_MEDIA_ROOT to the application only (nginx: an `internal`
# location, see docs/deploy.md); empty: the application sends the file itself.
PRIVATE_MEDIA_ACCEL_PREFIX = env.str("PRIVATE_MEDIA_ACCEL_PREFIX", default="")
if PRIVATE_MEDIA_ACCEL_PREFIX:
    # Documents too: Wagtail's serve view checks, the proxy sends (core/sendfile.py).
    SENDFILE_BACKEND = "core.sendfile"

STORAGES = {
    # Routes each file to "public" or "private" by the mark in its name.
    "default": {"BACKEND": "core.storage.MediaStorage"},
    "public": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": "/no-address/"},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "imports": {"BACKEND": "django.core.files.storage.FileSystemStorage"},  # location: IMPORTS_ROOT, below
    "reports": {"BACKEND": "django.core.files.storage.FileSystemStorage"},  # location: REPORTS_ROOT, below
}

# Wagtail
WAGTAIL_SITE_NAME = "Phòng, chống mua bán người"
# No call home from the admin: servers in the provinces may have no Internet access.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars fetched from gravatar.com: no call to an outside site with users' e-mail hashes.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# The public site's address: the default Site record follows it on every migrate and
# load_demo (cms/site.py), so canonical links, og:url and the sitemap name the real host.
SITE_URL = env.str("SITE_URL", default=WAGTAILADMIN_BASE_URL)
# The admin's date pickers show and read dd/mm/yyyy; the forms read it too (FORMAT_MODULE_PATH).
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
# Page addresses in plain ASCII ("na-meo", not "na-m%C3%A8o"): cms/slugs.py folds Vietnamese.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Documents go through Django so that permissions and headers apply to every download.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "png", "jpg", "jpeg", "webp"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# No SVG: it can carry scripts. Photos and posters only.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # One line per font and image fetched while the demo's leaflets are drawn: noise.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# The public JSON API (/api/v1/) and its OpenAPI schema.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DEFAULT_THROTTLE_CLASSES": ["core.ratelimit.PublicApiThrottle", "core.ratelimit.StaffApiThrottle"],
}
# Requests per address (core/ratelimit.py); a 429 with Retry-After beyond them.
RATE_LIMITS = {
    "login": env.str("RATE_LIMIT_LOGIN", default="20/min"),
    "password_reset": env.str("RATE_LIMIT_PASSWORD_RESET", default="5/hour"),
    "search": env.str("RATE_LIMIT_SEARCH", default="60/min"),
    "api_anonymous": env.str("RATE_LIMIT_API", default="120/min"),
    "api_staff": env.str("RATE_LIMIT_API_STAFF", default="600/min"),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Phòng, chống mua bán người — API",
    "DESCRIPTION": "Totals of the anti-trafficking campaigns: the same numbers as the reports.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Only our own API: Wagtail's admin endpoints are not part of it.
    "PREPROCESSING_HOOKS": ["reporting.api.only_public_api"],
}

# Background tasks (django-tasks). Wagtail's own tasks (search and reference indexes) run
# in the request once its transaction has committed ("default", core/tasks.py); large
# imports go to the database queue "imports", which
# `python manage.py db_worker --backend imports` works through.
TASKS = {
    "default": {"BACKEND": "core.tasks.AfterCommitBackend"},
    "imports": {"BACKEND": env.str("IMPORTS_TASK_BACKEND", default="django_tasks_db.DatabaseBackend")},
}
# Uploaded import files wait here (never under MEDIA_ROOT: sign-in lists are personal data).
IMPORTS_ROOT = env.path("IMPORTS_ROOT", default=BASE_DIR / "var" / "imports")
# The "imports" storage: a folder nothing serves. With several machines, production
# settings put it in a private bucket (or IMPORTS_ROOT on a shared volume).
STORAGES["imports"]["OPTIONS"] = {"location": str(IMPORTS_ROOT)}
# Report templates (Word files an administrator uploads): a folder nothing serves; they are
# downloaded through the admin, which checks the province.
REPORTS_ROOT = env.path("REPORTS_ROOT", default=BASE_DIR / "var" / "reports")
STORAGES["reports"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": str(REPORTS_ROOT)},
}
# Files with more rows than this are checked and imported by the background worker.
IMPORTS_INLINE_ROWS = env.int("IMPORTS_INLINE_ROWS", default=2000)
IMPORTS_MAX_UPLOAD_SIZE = 60 * 1024 * 1024
# What an XLSX upload (a zip archive) may expand to, checked before it is unpacked.
IMPORTS_MAX_XLSX_EXPANDED = env.int("IMPORTS_MAX_XLSX_EXPANDED", default=200 * 1024 * 1024)
# A job checking or importing for longer than this has lost its worker: it is stopped.
IMPORTS_JOB_TIMEOUT = env.int("IMPORTS_JOB_TIMEOUT", default=2 * 3600)
