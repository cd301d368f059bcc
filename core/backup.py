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
import zlib
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage, storages
from django.db import connections
from django.db.migrations.loader import MigrationLoader
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


def _run(command: list[str], environment: dict | None = None) -> str:
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
    return finished.stdout


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
        with _new_private_file(partial) as out, tarfile.open(fileobj=out, mode="w:gz") as archive:
            archive.add(dump, arcname=member)
            for folder, media in _media_roots().items():
                for file in sorted(media.rglob("*")):
                    if file.is_file():
                        archive.add(file, arcname=f"{folder}/{file.relative_to(media).as_posix()}")
                        media_files += 1
        partial.replace(path)  # a backup cut short never replaces a good one
    return BackupReport(path=path, database=connection.vendor, media_files=media_files)


def _new_private_file(path: Path):
    """Open `path` for writing as a file this process creates itself, mode 0600. A file left
    there by an earlier run that was cut short is removed first, never reopened: it may
    have been made readable by others."""
    path.unlink(missing_ok=True)
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")


def restore(path: Path, using: str = "default") -> BackupReport:
    """Replace the database (and the media files, when the archive has them) with the backup.

    Everything is checked before anything is replaced: the archive's members, that it is
    whole (a copy cut short is refused), and that its database was made by this version of
    the site (`_check_schema`)."""
    connection = connections[using]
    if not tarfile.is_tarfile(path):
        raise BackupError(_("%(path)s: not a backup archive.") % {"path": path})
    try:
        with tarfile.open(path, "r:*") as archive, tempfile.TemporaryDirectory() as scratch:
            return _restore(path, archive, Path(scratch), connection)
    except (tarfile.TarError, EOFError, zlib.error) as damaged:
        raise BackupError(
            _("%(path)s is damaged or incomplete (%(error)s); nothing was restored.") % {"path": path, "error": damaged}
        ) from damaged


def _restore(path: Path, archive: tarfile.TarFile, scratch: Path, connection) -> BackupReport:
    for member in archive.getmembers():  # reads the whole archive: a cut-short copy fails here
        _check_member(member)  # before anything is replaced
    names = archive.getnames()
    expected = {"sqlite": SQLITE_MEMBER, "postgresql": POSTGRES_MEMBER}.get(connection.vendor)
    if expected not in names:
        found = next((name for name in names if name.startswith("database.")), "no database")
        raise BackupError(
            _("%(path)s holds %(found)s, but this site runs on %(engine)s.")
            % {"path": path, "found": found, "engine": connection.vendor}
        )
    dump = scratch / expected
    _extract_file(archive, archive.getmember(expected), dump)
    _check_schema(path, dump, connection)
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


def _check_schema(path: Path, dump: Path, connection) -> None:
    """Refuse a database of another version of the site before anything is replaced: one
    whose applied migrations differ from this code's (newer, older, or another project), or
    that lacks a table this version has. An older backup is restored with the version that
    made it, and that site is then upgraded as any site is (`migrate`)."""
    migrations, tables = _read_dump(dump, connection)
    if not migrations:
        raise BackupError(_("%(path)s does not hold a database of this site.") % {"path": path})
    loader = MigrationLoader(None, ignore_no_migrations=True)
    # A squashed migration's replaced ones stay recorded as applied although their files are gone.
    known = set(loader.disk_migrations) | {
        replaced for migration in loader.disk_migrations.values() for replaced in migration.replaces
    }
    unknown = migrations - known
    behind = {
        leaf
        for leaf in loader.graph.leaf_nodes()
        if leaf not in migrations and not set(getattr(loader.replacements.get(leaf), "replaces", [leaf])) <= migrations
    }
    if unknown or behind:
        differing = sorted({app for app, _name in unknown | behind})
        raise BackupError(
            _(
                "%(path)s was made by another version of the site (archive: %(archive)s; this site: %(site)s). "
                "Restore it with the version that made it; nothing was restored."
            )
            % {
                "path": path,
                "archive": _latest(migrations, differing),
                "site": _latest(set(loader.graph.nodes), differing),
            }
        )
    expected = {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }
    missing = sorted(expected - tables)
    if missing:
        raise BackupError(
            _("%(path)s lacks tables this version needs (%(tables)s); nothing was restored.")
            % {"path": path, "tables": ", ".join(missing[:5])}
        )


def _latest(migrations: set[tuple[str, str]], apps_: list[str]) -> str:
    """The last migration of each app, as `campaigns 0011_…`, or `campaigns –` for none."""
    return ", ".join(
        f"{app} {max((name for owner, name in migrations if owner == app), default='–')}" for app in apps_[:4]
    )


def _read_dump(dump: Path, connection) -> tuple[set[tuple[str, str]], set[str]]:
    """The (app, migration) pairs applied in a dump and the names of its tables."""
    if connection.vendor == "sqlite":
        try:
            with closing(sqlite3.connect(f"file:{dump}?mode=ro", uri=True)) as database:
                tables = {name for (name,) in database.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                if "django_migrations" not in tables:
                    return set(), tables
                return set(database.execute("SELECT app, name FROM django_migrations")), tables
        except sqlite3.DatabaseError as damaged:
            raise BackupError(
                _("%(path)s: the database copy cannot be read (%(error)s).") % {"path": dump.name, "error": damaged}
            ) from damaged
    listing = _run(["pg_restore", "--list", str(dump)])
    tables = {line.split()[-2] for line in listing.splitlines() if " TABLE public " in line}
    data = _run(["pg_restore", "--data-only", "--table=django_migrations", "--file=-", str(dump)])
    migrations, copying = set(), False
    for line in data.splitlines():
        if line.startswith("COPY public.django_migrations "):
            copying = True
        elif copying and line == "\\.":
            break
        elif copying:
            _id, app, name, *_rest = line.split("\t")
            migrations.add((app, name))
    return migrations, tables


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
