"""Whole sites for tests that run the commands as an administrator does, in subprocesses.

Migrating a database from zero takes a minute on a busy machine. The test database is
migrated, and its places loaded, once per run (django_db_setup in tests/conftest.py), which
then keeps a copy of it (`site_template`), and `new_site()` gives a test its own copy in a second or so: a
file copy on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL. A test that proves
something about migrating from zero (tests/test_migrate_in_place.py) still migrates its own.
"""

from __future__ import annotations

import shutil
import sqlite3
import urllib.parse
import uuid
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
from django.db import connection, connections
from psycopg import sql


def server_of(settings: dict) -> dict:
    """psycopg's connection arguments for the server of a Django database."""
    server = {"host": settings["HOST"] or "localhost", "port": settings["PORT"] or 5432, "user": settings["USER"]}
    if settings.get("PASSWORD"):
        server["password"] = settings["PASSWORD"]
    return server


def postgres_url(server: dict, name: str) -> str:
    credentials = urllib.parse.quote(server["user"] or "")
    if server.get("password"):
        credentials += ":" + urllib.parse.quote(server["password"])
    return f"postgres://{credentials}@{server['host']}:{server['port']}/{name}"


@dataclass
class SiteTemplate:
    """The migrated test database with its places, as it was before any test wrote to it."""

    vendor: str
    path: Path | None = None  # SQLite: the copy's file
    name: str = ""  # PostgreSQL: the template database
    server: dict = field(default_factory=dict)
    made: list[str] = field(default_factory=list)  # PostgreSQL: the copies, dropped at the end

    def new_site(self, folder: Path) -> str:
        """A database of the run's engine holding a copy of the template; its URL."""
        if self.vendor == "sqlite":
            copy = folder / "site.sqlite3"
            shutil.copyfile(self.path, copy)
            return f"sqlite:///{copy}"
        name = f"{self.name}_{uuid.uuid4().hex[:8]}"
        _create(self.server, name, self.name)
        self.made.append(name)
        return postgres_url(self.server, name)

    def drop_all(self) -> None:
        if self.vendor == "postgresql":
            for name in [*self.made, self.name]:
                _drop(self.server, name)
            self.made.clear()

    def drop(self, url: str) -> None:
        """Drop a copy now rather than at the end of the run."""
        name = urllib.parse.urlsplit(url).path.lstrip("/")
        if self.vendor != "sqlite" and name in self.made:
            _drop(self.server, name)
            self.made.remove(name)


def _create(server: dict, name: str, template: str) -> None:
    create = sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(template))
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(create)


def _drop(server: dict, name: str) -> None:
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def take_template(folder: Path) -> SiteTemplate:
    """Copy the test database as it is now; no transaction may be open on it (a copy would
    hold what the transaction had written, or on PostgreSQL could not be taken at all)."""
    open_atomic = [alias for alias in connections if connections[alias].in_atomic_block]
    if open_atomic:
        raise RuntimeError(
            f"site_template asked for inside a transaction on {open_atomic}: ask for it in a session- "
            "or module-scoped fixture set up before any test transaction (shared_records, say)"
        )
    if connection.vendor == "sqlite":
        path = folder / "template.sqlite3"
        connection.ensure_connection()
        with closing(sqlite3.connect(path)) as copy:
            connection.connection.backup(copy)
        return SiteTemplate("sqlite", path=path)
    if connection.vendor != "postgresql":
        pytest.skip(f"No site copies on {connection.vendor}.")
    server = server_of(connection.settings_dict)
    source = connection.settings_dict["NAME"]
    name = f"{source}_site"
    # CREATE DATABASE … TEMPLATE needs the source without any session: the replica alias
    # mirrors the test database and may hold one too.
    connections.close_all()
    _drop(server, name)  # left by a run that was killed
    _create(server, name, source)
    return SiteTemplate("postgresql", name=name, server=server)


# The template of this run, taken by django_db_setup in tests/conftest.py.
SITE: list[SiteTemplate] = []


@pytest.fixture(scope="session")
def site_template(django_db_setup) -> SiteTemplate:
    """The migrated, places-loaded test database, kept for `site_template.new_site(folder)`."""
    return SITE[0]


def _setting_up_the_site_too() -> None:
    """pytest-django sets up only the databases that the collected tests ask for through its
    markers and fixtures. A run of browser tests alone asks for none (their server has its
    own copy, taken from site_template), and would find the test database never migrated."""
    from pytest_django import fixtures

    only_marked = fixtures._get_databases_for_setup

    def databases_for_setup(items):
        aliases, serialized = only_marked(items)
        if any("site_template" in getattr(item, "fixturenames", ()) for item in items):
            aliases = {*aliases, "default"}
        return aliases, serialized

    fixtures._get_databases_for_setup = databases_for_setup


_setting_up_the_site_too()
