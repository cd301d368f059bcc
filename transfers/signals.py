"""What an import tells the apps above it: bulk writes send no save signals, so an app that
must know that records changed (reporting's data version) listens here."""

from django.dispatch import Signal

# Sent once per import that stores something, inside its transaction, after its rows are
# written and logged: sender is the model, with `report` (an ImportReport) and `user`.
imported = Signal()
