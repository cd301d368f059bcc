"""Read replicas: reports and the API read from REPLICA_DATABASE_URL when it is set.

Only code wrapped in `replica_reads()` (or a view method decorated with
`reads_from_replica`) reads from the replica; everything else, and every write, uses the
primary. Sign-in and sessions therefore never depend on replication lag, while the heavy
grouped queries of the totals move off the primary.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

from django.conf import settings

REPLICA = "replica"
_reading_from_replica: ContextVar[bool] = ContextVar("reading_from_replica", default=False)


@contextmanager
def replica_reads():
    token = _reading_from_replica.set(True)
    try:
        yield
    finally:
        _reading_from_replica.reset(token)


def reads_from_replica(method):
    """For a view's get(): the request's user is resolved on the primary first."""

    @wraps(method)
    def wrapper(view, request, *args, **kwargs):
        getattr(request, "user", None) and request.user.is_authenticated  # resolve the lazy user now
        with replica_reads():
            return method(view, request, *args, **kwargs)

    return wrapper


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if settings.REPLICA_READS and _reading_from_replica.get():
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return None

    def allow_relation(self, first, second, **hints):
        return True  # the replica holds the primary's data
