"""The trainings app's settings (the phone form), each read with its default.

- `TRAININGS_MAX_NEW_ATTENDEES` (200): people a trainer may add to a sign-in list in one
  recording, by the form or by the phone's queue; a class list is far shorter.
- `TRAININGS_MAX_RECORD_BYTES` (512 KiB): the largest JSON body the phone's queue may send for
  one recording (`/record/api/activities/`); a day's sign-in lists fit many times over, and a
  larger body is refused before it is parsed.
"""

from core.conf import setting

DEFAULT_MAX_NEW_ATTENDEES = 200
DEFAULT_MAX_RECORD_BYTES = 512 * 1024


def max_new_attendees() -> int:
    """People one recording may add to its sign-in list."""
    return setting("TRAININGS_MAX_NEW_ATTENDEES", DEFAULT_MAX_NEW_ATTENDEES)


def max_record_bytes() -> int:
    """The largest body of one recording sent by the phone's queue, in bytes."""
    return setting("TRAININGS_MAX_RECORD_BYTES", DEFAULT_MAX_RECORD_BYTES)
