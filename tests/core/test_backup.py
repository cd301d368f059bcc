"""`backup` and `restore`: a restored site gives back identical totals and files.

The commands run as an administrator runs them, in a separate process against a scratch
database of the same engine as the test run (a copy of the migrated test database with its
places, tests/sites.py: an SQLite file, or a PostgreSQL database of its own), because a
restore replaces the whole database.
"""

import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import translation

from places.models import Place

PROJECT = Path(__file__).resolve().parents[2]
SCRATCH_CHANGE = """
from campaigns.models import Activity
Activity.objects.filter(pk__in=Activity.objects.order_by("pk").values("pk")[:2]).delete()
"""
# The totals as the `totals` command prints them, after a setup step in the same process
# (each process start costs seconds on a busy machine); the restored site's are read by a
# process of their own.
THEN_TOTALS = """
print("-- totals --")
call_command("totals", "--by", "province", "--by", "kind", "--format", "json")
"""


@pytest.fixture
def scratch_database(site_template, tmp_path):
    """A database URL of the test run's engine, migrated and with its places (what `make run`
    has done before load_demo), dropped afterwards."""
    url = site_template.new_site(tmp_path)
    yield url
    site_template.drop(url)


def manage(database_url: str, media: Path, *arguments: str) -> str:
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media),
        "PRIVATE_MEDIA_ROOT": str(media.parent / "private-media"),
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "0",
    }
    finished = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    return finished.stdout


def totals(database_url: str, media: Path) -> dict:
    return json.loads(manage(database_url, media, "totals", "--by", "province", "--by", "kind", "--format", "json"))


def totals_after(database_url: str, media: Path, script: str) -> dict:
    """Run a setup step (`manage.py shell -c`), then print the totals, in one process."""
    setup = "from django.core.management import call_command\n" + script
    printed = manage(database_url, media, "shell", "--no-imports", "-c", setup + THEN_TOTALS)
    return json.loads(printed.split("-- totals --\n", 1)[1])


@pytest.mark.slow("a whole site backed up and restored in subprocesses")
def test_a_restore_gives_back_identical_totals_and_files(scratch_database, tmp_path):
    media = tmp_path / "media"
    leaflet = media / "documents" / "to-roi.pdf"
    leaflet.parent.mkdir(parents=True)
    leaflet.write_bytes(b"%PDF-1.4 leaflet")
    photo = tmp_path / "private-media" / "original_images" / "p_0123456789abcdef0123456789abcdef.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(b"a photo of a session")
    before = totals_after(scratch_database, media, 'call_command("load_demo", verbosity=0)\n')
    assert before["total"]["activities"] > 2

    archive = tmp_path / "backup.tar.gz"
    manage(scratch_database, media, "backup", str(archive))
    with tarfile.open(archive) as opened:
        assert "media/documents/to-roi.pdf" in opened.getnames()
        assert f"private-media/original_images/{photo.name}" in opened.getnames()

    leaflet.unlink()
    photo.unlink()
    assert totals_after(scratch_database, media, SCRATCH_CHANGE) != before

    manage(scratch_database, media, "restore", "--yes", str(archive))
    assert totals(scratch_database, media) == before
    assert leaflet.read_bytes() == b"%PDF-1.4 leaflet"
    assert photo.read_bytes() == b"a photo of a session"


@translation.override("en")
def test_restore_refuses_what_is_not_a_backup_and_changes_nothing(tmp_path, db):
    places = Place.objects.count()
    not_a_backup = tmp_path / "report.xlsx"
    not_a_backup.write_bytes(b"PK\x03\x04 a spreadsheet, not a backup")
    with pytest.raises(CommandError, match=r"report\.xlsx: not a backup archive"):
        call_command("restore", str(not_a_backup), "--yes")

    payload = tmp_path / "payload"
    payload.write_bytes(b"x")
    database = "database.sqlite3" if connection.vendor == "sqlite" else "database.pgdump"
    for name, message in [("database.mysql", "holds database.mysql"), ("media/../../evil", "Refused archive member")]:
        hostile = tmp_path / "hostile.tar.gz"
        with tarfile.open(hostile, "w:gz") as archive:
            if name.startswith("media"):
                archive.add(payload, arcname=database)
            archive.add(payload, arcname=name)
        with pytest.raises(CommandError, match=message):
            call_command("restore", str(hostile), "--yes")
    assert Place.objects.count() == places


# transaction=True: SQLite's online backup waits forever for the write lock that a test
# transaction (IMMEDIATE) holds; a real backup runs outside any transaction. available_apps:
# the flush after the test then empties core's tables (it has none), not the places and the
# rows the migrations made, which a test database kept with --reuse-db still needs.
@pytest.mark.django_db(transaction=True, available_apps=["core"])
def test_the_archive_is_readable_by_its_owner_only_from_its_first_byte(tmp_path, monkeypatch, settings):
    """The archive holds every participant's name: never world-readable, not even while written."""
    from core import backup as backup_module

    settings.MEDIA_ROOT = str(tmp_path / "no-media")
    modes_while_writing = []
    real_open = backup_module.tarfile.open

    def spying_open(name=None, mode="r", fileobj=None, **kwargs):
        opened = real_open(name, mode, fileobj, **kwargs)
        target = name if name is not None else fileobj.name
        modes_while_writing.append(os.stat(target).st_mode & 0o777)
        return opened

    monkeypatch.setattr(backup_module.tarfile, "open", spying_open)
    previous = os.umask(0o022)
    try:
        archive = tmp_path / "backup.tar.gz"
        backup_module.backup(archive)
    finally:
        os.umask(previous)
    assert modes_while_writing == [0o600]
    assert archive.stat().st_mode & 0o777 == 0o600
    assert os.umask(previous) == previous  # the process's own umask is given back
