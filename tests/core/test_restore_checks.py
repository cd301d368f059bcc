"""`restore` refuses, before anything is replaced, an archive it cannot restore whole: a
database of another version of the site, one that lacks a table, an archive cut short.
And `backup` never reuses a file that an earlier, interrupted run left behind.

The archives here are built from the test database itself (on SQLite a copy of its tables
without their rows, on PostgreSQL a real `pg_dump`), changed in the one way each test is
about, so the refusal is the only difference from a backup that restores.
"""

import io
import os
import sqlite3
import subprocess
import tarfile
from contextlib import closing
from pathlib import Path

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import translation

from campaigns.models import Club
from core import backup as backup_module
from places.models import Place

FUTURE = ("campaigns", "9999_from_a_newer_version")


def _server() -> dict:
    options = connection.settings_dict
    server = {"host": options["HOST"], "port": options["PORT"] or 5432, "user": options["USER"]}
    if options.get("PASSWORD"):
        server["password"] = options["PASSWORD"]
    return server


def _sqlite_copy(target: Path, *, add: tuple | None, drop: tuple, leave_out: str | None) -> None:
    """The test database's tables (no rows but the migrations'), as a backup would hold them."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        tables = cursor.fetchall()
        cursor.execute("SELECT app, name FROM django_migrations")
        migrations = set(cursor.fetchall())
    with closing(sqlite3.connect(target)) as copy:
        created = set()
        for name, sql in tables:  # in their order of creation: a search index's own tables come with it
            if name != leave_out and name not in created:
                copy.execute(sql)
                created = {table for (table,) in copy.execute("SELECT name FROM sqlite_master")}
        rows = (migrations | ({add} if add else set())) - set(drop)
        copy.executemany("INSERT INTO django_migrations (app, name, applied) VALUES (?, ?, '2026-01-01')", rows)
        copy.commit()


def _postgres_dump(target: Path, *, add: tuple | None, drop: tuple, leave_out: str | None) -> None:
    """A `pg_dump` of the test database, with the migrations' table changed for its run."""
    name = connection.settings_dict["NAME"]
    with psycopg.connect(dbname=name, autocommit=True, **_server()) as side:
        saved = [
            row
            for app, migration in drop
            for row in side.execute(
                "SELECT app, name, applied FROM django_migrations WHERE app = %s AND name = %s", (app, migration)
            )
        ]
        if add:
            side.execute("INSERT INTO django_migrations (app, name, applied) VALUES (%s, %s, now())", add)
        for app, migration in drop:
            side.execute("DELETE FROM django_migrations WHERE app = %s AND name = %s", (app, migration))
        try:
            command, environment = backup_module._postgres_command(
                "pg_dump", {**connection.settings_dict, "NAME": name}, "--format=custom", "--file", str(target)
            )
            if leave_out:
                command.append(f"--exclude-table={leave_out}")
            subprocess.run(command, env=environment, check=True, capture_output=True)
        finally:
            if add:
                side.execute("DELETE FROM django_migrations WHERE app = %s AND name = %s", add)
            for row in saved:
                side.execute("INSERT INTO django_migrations (app, name, applied) VALUES (%s, %s, %s)", row)


def an_archive(folder: Path, *, add=None, drop=(), leave_out=None, extra: bytes = b"") -> Path:
    """A backup archive of the test database with one thing changed."""
    if connection.vendor == "sqlite":
        member, dump = backup_module.SQLITE_MEMBER, folder / "copy.sqlite3"
        _sqlite_copy(dump, add=add, drop=drop, leave_out=leave_out)
    else:
        member, dump = backup_module.POSTGRES_MEMBER, folder / "copy.pgdump"
        _postgres_dump(dump, add=add, drop=drop, leave_out=leave_out)
    archive = folder / "backup.tar.gz"
    with tarfile.open(archive, "w:gz") as opened:
        opened.add(dump, arcname=member)
        if extra:
            info = tarfile.TarInfo("media/original_images/photo.jpg")
            info.size = len(extra)
            opened.addfile(info, io.BytesIO(extra))
    return archive


def restore(archive: Path) -> None:
    with translation.override("en"):
        call_command("restore", str(archive), "--yes")


@pytest.fixture
def places_kept(db):
    places = Place.objects.count()
    yield
    assert Place.objects.count() == places, "the restore replaced something before refusing"


def test_restore_refuses_a_database_with_a_migration_this_version_does_not_know(tmp_path, places_kept):
    archive = an_archive(tmp_path, add=FUTURE)
    with pytest.raises(CommandError, match=r"another version of the site \(archive: campaigns 9999_from_a_newer"):
        restore(archive)


def test_restore_refuses_a_database_older_than_this_version_naming_both(tmp_path, places_kept):
    # The places' latest migration (not a squashed one, which its replaced ones' rows stand for).
    loader = MigrationLoader(None, ignore_no_migrations=True)
    (latest,) = [name for app, name in loader.graph.leaf_nodes("places")]
    assert not loader.disk_migrations[("places", latest)].replaces
    archive = an_archive(tmp_path, drop=[("places", latest)])
    with pytest.raises(CommandError, match=rf"this site: places {latest}\)") as refused:
        restore(archive)
    assert "archive: places 00" in str(refused.value)


def test_restore_refuses_a_database_that_lacks_a_table(tmp_path, places_kept):
    archive = an_archive(tmp_path, leave_out=Club._meta.db_table)
    with pytest.raises(CommandError, match=rf"lacks tables this version needs \({Club._meta.db_table}\)"):
        restore(archive)


def test_a_cut_short_archive_is_refused_with_a_message_not_a_traceback(tmp_path, places_kept):
    whole = an_archive(tmp_path, extra=os.urandom(300_000))  # random bytes: gzip cannot shrink them
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size * 2 // 3])
    with pytest.raises(CommandError, match=r"cut\.tar\.gz is damaged or incomplete .*nothing was restored"):
        restore(cut)


# transaction=True: SQLite's online backup waits forever for the write lock that a test
# transaction holds; a real backup runs outside any transaction. available_apps: the flush
# after the test empties core's tables (none), not the places (as in tests/core/test_backup.py).
@pytest.mark.django_db(transaction=True, available_apps=["core"])
def test_a_world_readable_partial_file_left_behind_is_never_reused(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "no-media")
    archive = tmp_path / "backup.tar.gz"
    stale = tmp_path / "backup.tar.gz.partial"
    stale.write_bytes(b"left by a backup that was cut short")
    stale.chmod(0o644)
    previous = os.umask(0o022)
    try:
        backup_module.backup(archive)
    finally:
        os.umask(previous)
    assert archive.stat().st_mode & 0o777 == 0o600
    assert not stale.exists()
    with tarfile.open(archive) as opened:
        assert opened.getnames() == [
            backup_module.SQLITE_MEMBER if connection.vendor == "sqlite" else backup_module.POSTGRES_MEMBER
        ]
