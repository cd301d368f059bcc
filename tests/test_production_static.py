"""The production deploy as docs/deploy.md gives it: `collectstatic` with the production
settings and storage, then pages whose static files come from the manifest.

A vendored file naming a missing source map once stopped `collectstatic`; without a
manifest, every page answered 500."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

PROJECT = Path(__file__).resolve().parent.parent
MANIFEST_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
# collectstatic and the manifest's names do not depend on the database engine.
pytestmark = [
    pytest.mark.one_engine("collectstatic and the static names of two pages, the same on every engine"),
    pytest.mark.slow("collectstatic with the production storage"),
]


@pytest.fixture(scope="module")
def static_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("static")
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "a-long-random-value-for-this-test-only-" + "x" * 40,
        "ALLOWED_HOSTS": "testserver",
        "CACHE_URL": "redis://127.0.0.1:6379/1",  # production wants a shared cache; collectstatic never uses it
        "STATIC_ROOT": str(root),
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return root


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/admin/login/"])
def test_pages_are_served_from_the_collected_static_files(client, static_root, path):
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}}
    with override_settings(
        STORAGES=storages, STATIC_ROOT=str(static_root), WHITENOISE_USE_FINDERS=False, WHITENOISE_AUTOREFRESH=False
    ):
        response = client.get(path, follow=True)
        assert response.status_code == 200
        html = response.content.decode()
        urls = set(re.findall(r'(?:src|href)="(/static/[^"?]+)', html))
        assert urls, "the page names no static file"
        for url in urls:
            name = url.removeprefix("/static/")
            assert re.search(r"\.[0-9a-f]{12}\.\w+$", name), f"{url} is not a hashed name"
            assert (static_root / name).is_file(), f"{url} was not collected"
        served = client.get(sorted(urls)[0])
        assert served.status_code == 200
