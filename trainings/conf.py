"""The trainings app's settings, each read with its default: a site sets only what it changes.

- `PHONE_SESSION_DAYS`: how long a trainer stays signed in on the phone form after she last
  used it (default 28: a trip to the border communes lasts days to weeks, often without
  signal, and her queue is sent only while she is signed in). Each use starts the period
  again; signing out, or an administrator's *End sessions*, ends it at once.
"""

from django.conf import settings

DEFAULT_PHONE_SESSION_DAYS = 28


def phone_session_days() -> int:
    return getattr(settings, "PHONE_SESSION_DAYS", DEFAULT_PHONE_SESSION_DAYS)
