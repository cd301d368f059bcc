"""The settings modules: environment in, safe production defaults out."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

PROJECT = Path(__file__).resolve().parent.parent


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean_env = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG"}}
    # Production wants a shared cache; naming one is enough, nothing here connects to it.
    clean_env.setdefault("CACHE_URL", "redis://127.0.0.1:6379/1")
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_with_no_warnings_given_a_real_key_and_host(tmp_path):
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        "--settings=config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="phongchongmuabannguoi.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_the_development_secret_key(tmp_path):
    result = manage(
        "check",
        "--settings=config.settings.production",
        ALLOWED_HOSTS="example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts(tmp_path):
    result = manage(
        "check",
        "--settings=config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


@pytest.fixture(scope="module")
def sqlite_file_site(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """A `manage.py shell` on an SQLite file named by DATABASE_URL: what it connected to and
    how (one process for the tests below: each start costs seconds on a busy machine)."""
    database = tmp_path_factory.mktemp("chosen") / "chosen.sqlite3"
    result = manage(
        "shell",
        "-c",
        "from django.db import connection; c = connection.cursor(); c.execute('PRAGMA journal_mode'); "
        "print(connection.vendor, connection.settings_dict['NAME']); "
        "print(c.fetchone()[0], connection.settings_dict['OPTIONS']['transaction_mode'])",
        DATABASE_URL=f"sqlite:///{database}",
    )
    return database, result


def test_database_url_chooses_the_database(sqlite_file_site):
    database, result = sqlite_file_site
    assert result.returncode == 0, result.stderr
    assert f"sqlite {database}" in result.stdout


def test_default_database_is_an_sqlite_file_in_the_project_folder():
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    result = subprocess.run(
        [sys.executable, "-c", "from config.settings import base; print(base.DATABASES['default']['NAME'])"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == str(PROJECT / "db.sqlite3")


def test_vietnamese_first_english_second_in_vietnam_time():
    assert settings.LANGUAGE_CODE == "vi"
    assert [code for code, _name in settings.LANGUAGES] == ["vi", "en"]
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"


def test_sqlite_file_database_uses_write_ahead_logging(sqlite_file_site):
    _database, result = sqlite_file_site
    assert result.returncode == 0, result.stderr
    assert "wal IMMEDIATE" in result.stdout


def test_production_keeps_uploads_on_object_storage_when_a_bucket_is_named(tmp_path):
    """Several app servers share media through S3-compatible storage; nothing is contacted
    until a file is read or written."""
    result = manage(
        "shell",
        "--settings=config.settings.production",
        "-c",
        "from django.conf import settings; from django.core.files.storage import storages; "
        "s, p = storages['public'], storages['private']; "
        "print(type(s).__name__, s.bucket_name, s.endpoint_url, s.default_acl, settings.SESSION_ENGINE, "
        "type(p).__name__, p.bucket_name, p.location, p.querystring_auth)",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        AWS_STORAGE_BUCKET_NAME="leaflets",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        "S3Storage",
        "leaflets",
        "https://s3.example.org",
        "None",
        "django.contrib.sessions.backends.cached_db",
        # Private files (activity photos…) under their own prefix, only through signed addresses.
        "S3Storage",
        "leaflets",
        "private",
        "True",
    ]


def test_production_refuses_a_per_process_cache(tmp_path):
    """Rate limits and lockouts count in the cache: per worker, a client would get a count per worker."""
    result = manage(
        "check",
        "--settings=config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        CACHE_URL="locmemcache://",
    )
    assert result.returncode != 0
    assert "CACHE_URL must name a shared cache" in result.stderr
