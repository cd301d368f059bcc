"""Public answers kept in the cache: the same question asked again costs one cache read.

An anonymous answer (`totals(..., public=True)` without a user: the API, the home, campaign
and statistics pages, the map) is kept under its question — grouping, filters, measures,
geography, threshold, language — and the data version. Every write of the records moves the
version (`bump_data_version`: the write rule and the saves and deletes of clubs,
distributions and the records' labels, connected in `ReportingConfig.ready`), so an answer
never outlives the data it was made from; what the public rules hide or move (suppression,
perturbation) is worked out once per answer kept.

The version moves at once and again when the write commits: a reader between the two may
keep an answer made from the data before the commit, under a version nobody asks for once
the second move is made. With Django's per-process memory cache each process has its own
version, so another process may serve an answer up to `PUBLIC_TOTALS_CACHE_SECONDS` old; a
shared cache (Redis, CACHE_URL) gives every process the same version.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction
from django.utils.translation import get_language

from reporting import conf

VERSION_KEY = "reporting:data-version"


def data_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, None)
        version = cache.get(VERSION_KEY, 1)
    return version


def _move() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def bump_data_version(**kwargs) -> None:
    """The records changed: no public answer kept so far is given again (a signal receiver too)."""
    _move()
    transaction.on_commit(_move)


def cached_answer(question: dict, compute: Callable):
    """The answer to `question` (JSON-ready) at the current data version: from the cache, or
    computed and kept for `PUBLIC_TOTALS_CACHE_SECONDS`."""
    seconds = conf.public_totals_cache_seconds()
    if seconds <= 0:
        return compute()
    asked = json.dumps({**question, "language": get_language()}, sort_keys=True, default=str)
    key = f"reporting:totals:{data_version()}:{hashlib.sha256(asked.encode()).hexdigest()[:40]}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, seconds)
    return found
