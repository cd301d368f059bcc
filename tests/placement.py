"""Where each test runs: on every database engine, or once, in the SQLite run.

`make test` and `.ci/run` run the suite once per engine (SQLite, then PostgreSQL beside it).
A test that touches the database proves something on each engine and runs on both. A test
that does not (a pure function, a check of files, a subprocess with its own SQLite file, a
browser test against the SQLite server of tests/e2e) proves the same thing each time, so it
runs in the SQLite run only and the other engines' runs deselect it.

A test touches the database when it carries the django_db marker or needs, itself or
through another fixture, one of DATABASE_FIXTURES. Two markers override the rule:

    @pytest.mark.every_engine("why")   # runs on every engine although it has no database fixture
                                       # (a subprocess on a scratch database of the run's engine)
    @pytest.mark.one_engine("why")     # runs once although it touches the database (what it
                                       # proves does not depend on the engine)

`--placement-report` prints which tests run once and why; `--one-engine-tests-here` runs
them on a non-SQLite engine too (for a run on PostgreSQL alone).
"""

from __future__ import annotations

import pytest

# pytest-django's fixtures that open the test database, and the ones built on them
# (django_db_blocker is not one: every test has it, through pytest-django's autouse fixtures).
DATABASE_FIXTURES = (
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "django_db_setup",
    "client",
    "admin_client",
    "admin_user",
    "django_user_model",
    "live_server",
)
# The engine whose run also runs the tests that touch no database.
HOME_ENGINE = "sqlite"


def pytest_addoption(parser):
    group = parser.getgroup("placement", "where each test runs (tests/placement.py)")
    group.addoption(
        "--placement-report",
        action="store_true",
        help="print which tests run on one engine only, and why",
    )
    group.addoption(
        "--one-engine-tests-here",
        action="store_true",
        help="run the tests that touch no database on this engine too, whichever it is",
    )


def _reason(marker) -> str:
    return marker.args[0] if marker.args else marker.kwargs.get("reason", "no reason given")


def placement(item) -> tuple[str, str]:
    """("every" or "one", why) for one collected test."""
    forced = item.get_closest_marker("every_engine")
    if forced:
        return "every", f"every_engine: {_reason(forced)}"
    once = item.get_closest_marker("one_engine")
    if once:
        return "one", f"one_engine: {_reason(once)}"
    if item.get_closest_marker("django_db"):
        return "every", "django_db marker"
    fixtures = set(getattr(item, "fixturenames", ()))
    used = [name for name in DATABASE_FIXTURES if name in fixtures]
    if used:
        return "every", f"database fixture {used[0]}"
    if item.get_closest_marker("e2e"):
        return "one", "browser test against its own SQLite server"
    return "one", "touches no database"


def engine() -> str:
    from django.db import connection

    return connection.vendor


@pytest.hookimpl(trylast=True)  # after tests/e2e/conftest.py has marked the browser tests
def pytest_collection_modifyitems(config, items):
    here = engine()
    keep, dropped = [], []
    config._placement = []
    for item in items:
        where, why = placement(item)
        config._placement.append((item.nodeid, where, why))
        if where == "one" and here != HOME_ENGINE and not config.getoption("one_engine_tests_here"):
            dropped.append(item)
        else:
            keep.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep


def pytest_report_collectionfinish(config, start_path, items):
    lines = []
    placed = getattr(config, "_placement", [])
    once = [(nodeid, why) for nodeid, where, why in placed if where == "one"]
    if config.getoption("placement_report"):
        lines.append(f"Placement on {engine()}: {len(placed) - len(once)} tests on every engine, {len(once)} once:")
        lines.extend(f"  once  {nodeid}  ({why})" for nodeid, why in once)
    if engine() != HOME_ENGINE and once and not config.getoption("one_engine_tests_here"):
        lines.append(f"{len(once)} tests that touch no database run in the SQLite run only (tests/placement.py).")
    return lines
