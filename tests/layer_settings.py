"""Settings for one layer alone: the test settings with only the apps named in LAYER_APPS
(comma-separated; an app and the apps below it) of the project's own apps installed, beside
every app of Django, Wagtail and the libraries. `tests/test_migrations_follow_the_layers.py`
migrates an empty database with them, as a Wagtail site that installs these apps would."""

import os

from config.settings.test import *  # noqa: F403
from config.settings.test import INSTALLED_APPS as EVERY_APP

# The project's apps: each a top-level package of this repository (README, *Architecture*).
PROJECT_APPS = {"core", "places", "access", "transfers", "campaigns", "trainings", "reporting", "cms", "guides", "demo"}
LAYER_APPS = set(os.environ["LAYER_APPS"].split(","))

INSTALLED_APPS = [app for app in EVERY_APP if app.split(".")[0] not in PROJECT_APPS or app in LAYER_APPS]
ROOT_URLCONF = "tests.layer_urls"
