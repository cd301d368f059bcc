"""The default SQLite setup takes concurrent writers: WAL and IMMEDIATE transactions make
a writer wait for the lock instead of failing with "database is locked".

Several processes record activities with their sign-in lists at once into one SQLite
file, as trainers' requests do under a multi-worker server; every row must be stored.
"""

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
WRITERS = 6
ACTIVITIES_EACH = 20
ATTENDEES_EACH = 3

WRITER = f"""
import datetime, os
from campaigns.models import Activity
from places.models import Place
from trainings.services import NewAttendee, record_activity
writer = int(os.environ["WRITER"])
na_meo = Place.objects.get(is_current=True, level="commune", code="15013")
for n in range({ACTIVITIES_EACH}):
    activity = Activity(
        kind="community", title=f"Writer {{writer}} session {{n}}", start_date=datetime.date(2026, 3, 1),
        place=na_meo, status="held",
    )
    people = [NewAttendee(f"Attendee {{writer}}-{{n}}-{{k}}", "female") for k in range({ATTENDEES_EACH})]
    record_activity(activity, user=None, present=[], new_attendees=people)
"""


@pytest.fixture
def sqlite_file(site_template, tmp_path) -> Path:
    """A file copy of the migrated test database, places included (tests/sites.py)."""
    if site_template.vendor != "sqlite":
        pytest.skip("SQLite only; PostgreSQL runs concurrent writers in the load benchmark")
    return Path(site_template.new_site(tmp_path).removeprefix("sqlite:///"))


@pytest.mark.slow("six writer processes")
def test_parallel_writers_store_every_row_without_database_is_locked(sqlite_file):
    database = sqlite_file
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
    }
    writers = [
        subprocess.Popen(
            [sys.executable, "manage.py", "shell", "-c", WRITER],
            cwd=PROJECT,
            env={**environment, "WRITER": str(writer), "DEBUG": "0"},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for writer in range(WRITERS)
    ]
    outcomes = [(writer.wait(timeout=300), writer.stderr.read()) for writer in writers]
    for writer in writers:
        writer.stdout.close()
        writer.stderr.close()
    assert [code for code, _ in outcomes] == [0] * WRITERS, [error for _, error in outcomes]
    assert not any("database is locked" in error for _, error in outcomes)

    with closing(sqlite3.connect(database)) as stored:
        activities = stored.execute("SELECT COUNT(*) FROM campaigns_activity WHERE title LIKE 'Writer %'").fetchone()[0]
        lines = stored.execute("SELECT COUNT(*) FROM trainings_attendance").fetchone()[0]
        counted = stored.execute("SELECT SUM(participants) FROM campaigns_activity").fetchone()[0]
        mode = stored.execute("PRAGMA journal_mode").fetchone()[0]
    assert activities == WRITERS * ACTIVITIES_EACH
    assert lines == counted == WRITERS * ACTIVITIES_EACH * ATTENDEES_EACH
    assert mode == "wal"
