"""Migrations follow the layers (README, *Architecture*): no migration of an app depends on
an app above it, and each app, with only the apps below it installed, migrates an empty
database, as it would in another Wagtail site.

The layers are the import-linter contract's (`pyproject.toml`), read from there. Migrating
runs in a subprocess per layer (`tests/layer_settings.py`), on a scratch database of the test
run's engine: an SQLite file, or a PostgreSQL database of its own (`<name>_layer`), never the
test database.
"""

from __future__ import annotations

import os
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


@pytest.fixture
def scratch(tmp_path) -> Iterator[str]:
    """An empty database of the test run's engine (its URL), dropped afterwards."""
    url = os.environ.get("DATABASE_URL", "sqlite:///")
    config = environ.Env.db_url_config(url)
    if config["ENGINE"].endswith("sqlite3"):
        yield f"sqlite:///{tmp_path / 'layer.sqlite3'}"
        return
    if not config["ENGINE"].endswith("postgresql"):
        pytest.skip(f"No scratch database for {config['ENGINE']}.")
    name = f"{config['NAME']}_layer"
    server = {"host": config["HOST"], "port": config["PORT"] or 5432, "user": config["USER"]}
    if config.get("PASSWORD"):
        server["password"] = config["PASSWORD"]
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(drop)  # left by a run that was killed
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield urlsplit(url)._replace(path=f"/{name}").geturl()
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(drop)


@pytest.mark.every_engine("migrates a scratch database of the run's engine in a subprocess")
@pytest.mark.slow("each layer migrates Django's and Wagtail's apps from zero in a subprocess")
@pytest.mark.parametrize("app", [app for layer in LAYERS for app in layer if has_migrations(app)])
def test_each_app_migrates_with_only_the_apps_below_it(app, scratch, tmp_path):
    installed = below_and_itself(app)
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.layer_settings",
        "LAYER_APPS": ",".join(installed),
        "DATABASE_URL": scratch,
        "REPLICA_DATABASE_URL": "",
        "CACHE_URL": "dummycache://",
        "TMPDIR": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-c", MIGRATE_FROM_EMPTY.format(installed=set(installed))],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, f"{app} with {installed} only:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
