"""Backups of the database and the uploaded files, and restoring them.

A backup is one .tar.gz archive holding the database in its engine's own format — an
online copy made by SQLite's backup API, or PostgreSQL's `pg_dump --format=custom` — and
the uploaded files when they are stored on this machine's disk: the public ones
(MEDIA_ROOT) and the private ones (PRIVATE_MEDIA_ROOT: activity photos, restricted
documents, drafts' files), each in its own folder of the archive. Object storage (S3)
keeps its own versions and is not copied here.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage, storages
from django.db import connections
from django.utils.translation import gettext as _

SQLITE_MEMBER = "database.sqlite3"
POSTGRES_MEMBER = "database.pgdump"
MEDIA_MEMBER = "media"
PRIVATE_MEMBER = "private-media"


class BackupError(Exception):
    pass


@dataclass
class BackupReport:
    path: Path
    database: str
    media_files: int


def _media_roots() -> dict[str, Path]:
    """The archive's folder for each storage kept on this machine's disk, and where it is."""
    roots = {}
    for member, alias in ((MEDIA_MEMBER, "public"), (PRIVATE_MEMBER, "private")):
        storage = storages[alias] if alias in settings.STORAGES else default_storage
        if isinstance(storage, FileSystemStorage) and Path(storage.location).is_dir():
            roots[member] = Path(storage.location)
    return roots


def _postgres_command(program: str, settings_dict: dict, *arguments: str) -> tuple[list[str], dict]:
    command = [program, "--no-owner", "--no-privileges", "--dbname", settings_dict["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            command += [option, str(settings_dict[key])]
    environment = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        environment["PGPASSWORD"] = settings_dict["PASSWORD"]
    return command + list(arguments), environment


def _run(command: list[str], environment: dict) -> None:
    try:
        finished = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    except FileNotFoundError as missing:
        raise BackupError(
            _("%(program)s is not installed (Debian: apt-get install postgresql-client).") % {"program": command[0]}
        ) from missing
    if finished.returncode:
        raise BackupError(
            _("%(program)s failed: %(error)s") % {"program": command[0], "error": finished.stderr.strip()}
        )


@contextmanager
def _private_files() -> Iterator[None]:
    """Files created meanwhile are readable by their owner only from their first byte:
    the archive holds every participant's name. (A chmod afterwards leaves a window.)"""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def backup(path: Path, using: str = "default") -> BackupReport:
    """Write the database and the media files to the archive `path`, readable by its owner only."""
    with _private_files():
        return _backup(path, using)


def _backup(path: Path, using: str) -> BackupReport:
    connection = connections[using]
    with tempfile.TemporaryDirectory() as scratch:
        if connection.vendor == "sqlite":
            dump, member = Path(scratch) / SQLITE_MEMBER, SQLITE_MEMBER
            connection.ensure_connection()
            with sqlite3.connect(dump) as target:
                connection.connection.backup(target)
            target.close()
        elif connection.vendor == "postgresql":
            dump, member = Path(scratch) / POSTGRES_MEMBER, POSTGRES_MEMBER
            command, environment = _postgres_command(
                "pg_dump", connection.settings_dict, "--format=custom", "--file", str(dump)
            )
            _run(command, environment)
        else:
            raise BackupError(_("No backup for the %(engine)s database engine.") % {"engine": connection.vendor})

        media_files = 0
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(dump, arcname=member)
            for folder, media in _media_roots().items():
                for file in sorted(media.rglob("*")):
                    if file.is_file():
                        archive.add(file, arcname=f"{folder}/{file.relative_to(media).as_posix()}")
                        media_files += 1
        partial.replace(path)  # a backup cut short never replaces a good one
    return BackupReport(path=path, database=connection.vendor, media_files=media_files)


def restore(path: Path, using: str = "default") -> BackupReport:
    """Replace the database (and the media files, when the archive has them) with the backup."""
    connection = connections[using]
    if not tarfile.is_tarfile(path):
        raise BackupError(_("%(path)s: not a backup archive.") % {"path": path})
    with tarfile.open(path, "r:*") as archive, tempfile.TemporaryDirectory() as scratch:
        for member in archive.getmembers():
            _check_member(member)  # before anything is replaced
        names = archive.getnames()
        expected = {"sqlite": SQLITE_MEMBER, "postgresql": POSTGRES_MEMBER}.get(connection.vendor)
        if expected not in names:
            found = next((name for name in names if name.startswith("database.")), "no database")
            raise BackupError(
                _("%(path)s holds %(found)s, but this site runs on %(engine)s.")
                % {"path": path, "found": found, "engine": connection.vendor}
            )
        dump = Path(scratch) / expected
        _extract_file(archive, archive.getmember(expected), dump)
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            with sqlite3.connect(dump) as source:
                source.backup(connection.connection)
            source.close()
        else:
            connection.close()
            command, environment = _postgres_command(
                "pg_restore", connection.settings_dict, "--clean", "--if-exists", "--single-transaction", str(dump)
            )
            _run(command, environment)
        media_files = 0
        for folder, media in _media_roots().items():
            media_members = [member for member in archive.getmembers() if member.name.startswith(f"{folder}/")]
            if media_members:
                _restore_media(archive, media_members, media, folder)
                media_files += len(media_members)
    return BackupReport(path=path, database=connection.vendor, media_files=media_files)


def _restore_media(archive: tarfile.TarFile, members: list[tarfile.TarInfo], media: Path, folder: str) -> None:
    """Unpack beside the media folder, then swap, so a failure leaves the old files in place."""
    incoming = media.with_name(media.name + ".restoring")
    shutil.rmtree(incoming, ignore_errors=True)
    incoming.mkdir()
    for member in members:
        relative = Path(member.name.removeprefix(f"{folder}/"))
        if member.isfile():
            _extract_file(archive, member, incoming / relative)
    previous = media.with_name(media.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    media.rename(previous)
    incoming.rename(media)
    shutil.rmtree(previous, ignore_errors=True)


def _check_member(member: tarfile.TarInfo) -> None:
    """Only regular files and folders, only below where they are unpacked."""
    relative = Path(member.name)
    if not (member.isfile() or member.isdir()) or relative.is_absolute() or ".." in relative.parts:
        raise BackupError(_("Refused archive member %(name)r.") % {"name": member.name})


def _extract_file(archive: tarfile.TarFile, member: tarfile.TarInfo, target: Path) -> None:
    _check_member(member)
    target.parent.mkdir(parents=True, exist_ok=True)
    with archive.extractfile(member) as source, target.open("wb") as out:
        shutil.copyfileobj(source, out)


def describe(report: BackupReport) -> str:
    return _("%(path)s: %(engine)s database, %(count)d media files.") % {
        "path": report.path,
        "engine": report.database,
        "count": report.media_files,
    }
