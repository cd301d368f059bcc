"""The trainings app's settings (the phone form), each read with its default: a site sets
only what it changes.

- `TRAININGS_MAX_NEW_ATTENDEES` (200): people a trainer may add to a sign-in list in one
  recording, by the form or by the phone's queue; a class list is far shorter.
- `TRAININGS_MAX_RECORD_BYTES` (512 KiB): the largest JSON body the phone's queue may send for
  one recording (`/record/api/activities/`); a day's sign-in lists fit many times over, and a
  larger body is refused before it is parsed.
- `TRAININGS_PHONE_SESSION_DAYS` (28): how long a trainer stays signed in on the phone form
  after she last used it (a trip to the border communes lasts days to weeks, often without
  signal, and her queue is sent only while she is signed in). Each use starts the period
  again; signing out, or an administrator's *End sessions*, ends it at once. Its old name,
  `PHONE_SESSION_DAYS`, is still read (with a deprecation warning) when the new one is not set.
- `PHONE_RECENT_DAYS` (365): national staff keep on the phone only the people of the sign-in
  lists of the activities they recorded or trained in within these days (trainings/phone_sync.py);
  anyone else is found with the phone's search.
- `PHONE_SYNC_FULL_DAYS` (7): a phone that last asked longer ago gets its whole data again.
- `TRAININGS_PAGE_TEMPLATE` ("trainings/page.html"): the page the phone form's pages extend,
  with the blocks `title`, `extra_head`, `body_class`, `content` and `extra_body`. trainings'
  own is a bare page; a site gives its own base template so that the phone pages wear the
  site's header, footer and stylesheet (this site: the public site's base template).
- `TRAININGS_PAGE_STATIC` (none): the static files that page template needs (its stylesheet),
  kept on the phone by the service worker with the form's own, for use without signal.
- `PHONE_SYNC_OVERLAP_SECONDS` (600): how far before its token an incremental answer looks, so
  that a change whose transaction committed after the token reaches the phone too.
"""

import warnings

from django.conf import settings

from core.conf import setting

DEFAULT_MAX_NEW_ATTENDEES = 200
DEFAULT_MAX_RECORD_BYTES = 512 * 1024
DEFAULT_PHONE_SESSION_DAYS = 28
DEFAULT_PHONE_RECENT_DAYS = 365
DEFAULT_PHONE_SYNC_FULL_DAYS = 7
DEFAULT_PHONE_SYNC_OVERLAP_SECONDS = 600
DEFAULT_PAGE_TEMPLATE = "trainings/page.html"
DEFAULT_PAGE_STATIC: tuple[str, ...] = ()


def max_new_attendees() -> int:
    """People one recording may add to its sign-in list."""
    return setting("TRAININGS_MAX_NEW_ATTENDEES", DEFAULT_MAX_NEW_ATTENDEES)


def max_record_bytes() -> int:
    """The largest body of one recording sent by the phone's queue, in bytes."""
    return setting("TRAININGS_MAX_RECORD_BYTES", DEFAULT_MAX_RECORD_BYTES)


def phone_session_days() -> int:
    """Days a trainer's phone session lasts after her last use."""
    if not hasattr(settings, "TRAININGS_PHONE_SESSION_DAYS") and hasattr(settings, "PHONE_SESSION_DAYS"):
        warnings.warn(
            "PHONE_SESSION_DAYS is deprecated: name it TRAININGS_PHONE_SESSION_DAYS",
            DeprecationWarning,
            stacklevel=2,
        )
        return settings.PHONE_SESSION_DAYS
    return setting("TRAININGS_PHONE_SESSION_DAYS", DEFAULT_PHONE_SESSION_DAYS)


def phone_recent_days() -> int:
    """Days of her own activities whose sign-in lists a national account keeps on the phone."""
    return setting("PHONE_RECENT_DAYS", DEFAULT_PHONE_RECENT_DAYS)


def phone_sync_full_days() -> int:
    """Days after which a phone's incremental sync gets the whole data again."""
    return setting("PHONE_SYNC_FULL_DAYS", DEFAULT_PHONE_SYNC_FULL_DAYS)


def phone_sync_overlap_seconds() -> int:
    """Seconds before its token that an incremental answer looks back."""
    return setting("PHONE_SYNC_OVERLAP_SECONDS", DEFAULT_PHONE_SYNC_OVERLAP_SECONDS)


def page_template() -> str:
    """The template the phone form's pages extend."""
    return setting("TRAININGS_PAGE_TEMPLATE", DEFAULT_PAGE_TEMPLATE)


def page_static() -> tuple[str, ...]:
    """The static files of that template, kept offline with the form's own."""
    return tuple(setting("TRAININGS_PAGE_STATIC", DEFAULT_PAGE_STATIC))
