"""Reading an app's settings with its default, at call time.

Each app keeps its settings and their defaults in its own `conf.py` (README, *Architecture*),
so an app installed in another Wagtail project works with none of them set. They are read
when asked for, never copied at import, so a setting changed later (a test's `settings`
fixture, `override_settings`) is the one used.
"""

from typing import Any

from django.conf import settings


def setting(name: str, default: Any) -> Any:
    """The project's value of the setting `name`, or `default` when the project sets none."""
    return getattr(settings, name, default)
