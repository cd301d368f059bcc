"""Migrations follow the layers (README, *Architecture*): no migration of an app depends on
an app above it, and each app, with only the apps below it installed, migrates an empty
database, as it would in another Wagtail site.

The layers are the import-linter contract's (`pyproject.toml`), read from there. Migrating
runs in a subprocess per layer (`tests/layer_settings.py`), on a scratch database of the test
run's engine: an SQLite file, or a PostgreSQL database of its own (`<name>_layer`), never the
test database. Each starts as a copy of one database holding Django's, Wagtail's and the
libraries' tables only, migrated once: every project app's migrations run from zero.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import environ
import psycopg
import pytest
from django.apps import apps
from django.db.migrations.loader import MigrationLoader
from psycopg import sql

PROJECT = Path(__file__).resolve().parent.parent


# Packages of the contract that are no app: the site's settings, and the library's list of apps.
NOT_APPS = {"config", "campaign_records"}


def layers() -> list[list[str]]:
    """The project's apps by layer, bottom first; apps side by side share a layer."""
    contract = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    named = contract["contracts"][0]["layers"]
    return [[app.strip(" ()") for app in layer.split("|")] for layer in reversed(named) if layer not in NOT_APPS]


LAYERS = layers()
LEVEL = {app: level for level, layer in enumerate(LAYERS) for app in layer}


def below_and_itself(app: str) -> list[str]:
    """An app and every app of the layers below it: what one layer's site installs."""
    return [other for layer in LAYERS[: LEVEL[app]] for other in layer] + [app]


def has_migrations(app: str) -> bool:
    return any((PROJECT / app / "migrations").glob("0*.py"))


def test_the_layers_are_the_project_apps():
    assert LAYERS[0] == ["core"] and LAYERS[-1] == ["demo"]
    assert {app.name for app in apps.get_app_configs() if app.name in LEVEL} == set(LEVEL)


def test_no_migration_depends_on_an_app_above_or_beside_its_own():
    loader = MigrationLoader(None, ignore_no_migrations=True, load=False)
    loader.load_disk()
    upward = sorted(
        f"{label}.{name} → {depends_on}.{target}"
        for (label, name), migration in loader.disk_migrations.items()
        if label in LEVEL
        for depends_on, target in migration.dependencies
        if depends_on in LEVEL and depends_on != label and LEVEL[depends_on] >= LEVEL[label]
    )
    assert len([key for key in loader.disk_migrations if key[0] in LEVEL]) >= 10
    assert upward == []


# One process, as an administrator's `migrate` runs: the layer's migrations from zero, then
# the check that its models and its migrations agree without the apps above.
MIGRATE_FROM_EMPTY = """
import django
from django.apps import apps
from django.core.management import call_command
from django.db import connection

django.setup()
call_command("migrate", interactive=False, verbosity=0, skip_checks=True)
ours = [app for app in apps.get_app_configs() if app.name in {installed}]
missing = sorted(
    model._meta.db_table
    for app in ours
    for model in app.get_models(include_auto_created=True)
    if model._meta.managed and model._meta.db_table not in connection.introspection.table_names()
)
assert not missing, f"tables missing after migrate: {{missing}}"
try:
    call_command("makemigrations", *[app.label for app in ours], check_changes=True, dry_run=True, verbosity=0)
except SystemExit as exit:
    raise SystemExit(f"makemigrations finds changes: {{exit}}") from None
"""


MIGRATE_LIBRARIES = """
import django
from django.core.management import call_command

django.setup()
call_command("migrate", interactive=False, verbosity=0, skip_checks=True)
"""


def _server(config) -> dict:
    server = {"host": config["HOST"], "port": config["PORT"] or 5432, "user": config["USER"]}
    if config.get("PASSWORD"):
        server["password"] = config["PASSWORD"]
    return server


@pytest.fixture(scope="module")
def libraries(tmp_path_factory) -> Iterator[str]:
    """A database of the run's engine with Django's, Wagtail's and the libraries' tables and
    none of the project's, migrated once for the module: each layer starts from a copy of it
    and migrates the project's apps from zero (Django's and Wagtail's own migrations, the same
    for every layer, took most of each layer's time)."""
    url = os.environ.get("DATABASE_URL", "sqlite:///")
    config = environ.Env.db_url_config(url)
    if config["ENGINE"].endswith("sqlite3"):
        base = f"sqlite:///{tmp_path_factory.mktemp('layers') / 'libraries.sqlite3'}"
    elif config["ENGINE"].endswith("postgresql"):
        name = f"{config['NAME']}_libraries"
        drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        with psycopg.connect(dbname="postgres", autocommit=True, **_server(config)) as admin:
            admin.execute(drop)  # left by a run that was killed
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        base = urlsplit(url)._replace(path=f"/{name}").geturl()
    else:
        pytest.skip(f"No scratch database for {config['ENGINE']}.")
    environment = {**_layer_environment([], base, tmp_path_factory.mktemp("layers-tmp"))}
    done = subprocess.run(
        [sys.executable, "-c", MIGRATE_LIBRARIES], cwd=PROJECT, env=environment, capture_output=True, text=True
    )
    assert done.returncode == 0, f"no project app:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    yield base
    if config["ENGINE"].endswith("postgresql"):
        with psycopg.connect(dbname="postgres", autocommit=True, **_server(config)) as admin:
            admin.execute(drop)


@pytest.fixture
def scratch(libraries, tmp_path) -> Iterator[str]:
    """A copy of the libraries' database (its URL), dropped afterwards: an SQLite file copied,
    or a PostgreSQL database made from it as a template (`<name>_layer`), never the test database."""
    config = environ.Env.db_url_config(libraries)
    if config["ENGINE"].endswith("sqlite3"):
        copy = tmp_path / "layer.sqlite3"
        shutil.copyfile(config["NAME"], copy)
        yield f"sqlite:///{copy}"
        return
    name = config["NAME"].removesuffix("_libraries") + "_layer"
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    create = sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(config["NAME"]))
    with psycopg.connect(dbname="postgres", autocommit=True, **_server(config)) as admin:
        admin.execute(drop)
        admin.execute(create)
    yield urlsplit(libraries)._replace(path=f"/{name}").geturl()
    with psycopg.connect(dbname="postgres", autocommit=True, **_server(config)) as admin:
        admin.execute(drop)


def _layer_environment(installed: list[str], url: str, tmp) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.layer_settings",
        "LAYER_APPS": ",".join(installed),
        "DATABASE_URL": url,
        "REPLICA_DATABASE_URL": "",
        "CACHE_URL": "dummycache://",
        "TMPDIR": str(tmp),
    }


@pytest.mark.every_engine("migrates a scratch database of the run's engine in a subprocess")
@pytest.mark.slow("each layer migrates the project's apps from zero in a subprocess")
@pytest.mark.parametrize("app", [app for layer in LAYERS for app in layer if has_migrations(app)])
def test_each_app_migrates_with_only_the_apps_below_it(app, scratch, tmp_path):
    installed = below_and_itself(app)
    environment = _layer_environment(installed, scratch, tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", MIGRATE_FROM_EMPTY.format(installed=set(installed))],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, f"{app} with {installed} only:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
