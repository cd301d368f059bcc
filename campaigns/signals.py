"""Signals that campaigns sends, for the apps built on it (trainings) to act on without
campaigns importing them."""

from django.dispatch import Signal

# An existing activity was saved; sent inside the save's transaction, after the row is
# written. Arguments: `instance` (the Activity). Receivers may write rows that belong to
# the same change (trainings recounts the activity from its sign-in list).
activity_updated = Signal()
