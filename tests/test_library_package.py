"""The library as a package (docs/library.md): the wheel that `python -m build` makes, alone
in a new virtual environment, serves a new Wagtail site that follows the docs.

The test builds the wheel and the sdist from a copy of the checkout's files (the checkout
gets no build folder), checks them with twine, installs only the wheel (pip fetches its
dependencies from the package index, through pip's own cache), runs `wagtail start`, adds
to the new site the lines of docs/library.md, migrates an SQLite file, loads the places,
imports an activity from a CSV file (import_activities), records one through
campaigns.services, reads the totals and opens the admin totals report and the phone form.
It touches no test database: it runs once, in the SQLite run (tests/placement.py).
`python -m build` comes from requirements-dev.txt; LIBRARY_BUILD_PYTHON names another
interpreter that has it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
APPS = ["core", "places", "access", "transfers", "campaigns", "trainings", "reporting"]
SOURCES = [
    "pyproject.toml",
    "setup.py",
    "MANIFEST.in",
    "CHANGELOG.md",
    "docs/library.md",
    "locale/vi",
    "campaign_records",
    *APPS,
]

# One activity in the import's CSV (transfers' columns, in Vietnamese).
ACTIVITIES_HEADER = (
    "Mã,Loại hoạt động,Tên hoạt động,Từ ngày,Đến ngày,Số buổi,Tỉnh/Thành phố,Quận/Huyện,Xã/Phường,"
    "Chương trình,Đơn vị tổ chức,Đối tượng,Số lượt tham dự,Trong đó nữ,Câu lạc bộ,Ghi chú"
)
ACTIVITY_ROW = "TH-1,Buổi truyền thông,Truyền thông,01/08/2025,,1,Thanh Hóa,,Na Mèo,,,,45,40,,"

# Run in the new site with its settings: what a host's own code would do with the API.
RECORD_AND_READ = """
import datetime
import django

django.setup()

from django.contrib.auth import get_user_model
from django.test import Client

from campaigns.models import Activity, ActivityKind
from campaigns.services import save_activity
from places.lookup import lookup_place
from reporting.stats import totals

commune = lookup_place("Na Mèo", level="commune", current=True)
admin = get_user_model().objects.create_superuser("host-admin", "admin@example.org", "a-long-password-1")
before = totals().total.get("participants") or 0
save_activity(
    Activity(kind=ActivityKind.COMMUNITY, title="Buổi truyền thông", start_date=datetime.date(2025, 8, 1),
             place=commune, participants=40),
    user=admin,
)
after = totals(by=["province"])
print("TOTALS", before, after.total["activities"], after.total["participants"], after.rows[0]["province_name"])
client = Client()
client.force_login(admin)
for url in ("/admin/reports/totals/", "/record/"):
    response = client.get(url)
    print("PAGE", url, response.status_code, "Ghi nhận hoạt động" in response.content.decode())
"""


def environment(**more) -> dict[str, str]:
    """This run's environment without the site's settings: the new site reads its own."""
    dropped = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REPLICA_DATABASE_URL", "CACHE_URL", "PYTHONPATH"}
    return {**{k: v for k, v in os.environ.items() if k not in dropped and not k.startswith("VIRTUAL_ENV")}, **more}


def run(*command, cwd: Path, **env) -> str:
    done = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=environment(**env), capture_output=True, text=True
    )
    assert done.returncode == 0, f"{command}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def docs_block(title: str) -> str:
    """The Python block of docs/library.md whose first line is `# <title>`."""
    text = (PROJECT / "docs" / "library.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    found = [block for block in blocks if block.startswith(f"# {title}\n")]
    assert len(found) == 1, f"docs/library.md has no block '# {title}'"
    return found[0]


@pytest.mark.slow("builds the wheel, installs it and its dependencies in a new venv, migrates a new Wagtail site")
def test_the_wheel_alone_serves_a_new_wagtail_site(tmp_path):
    started = time.monotonic()
    source = tmp_path / "source"
    for name in SOURCES:
        if (PROJECT / name).is_dir():
            shutil.copytree(PROJECT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(PROJECT / name, source / name)
    builder = os.environ.get("LIBRARY_BUILD_PYTHON", sys.executable)
    run(builder, "-m", "build", "--outdir", tmp_path / "dist", source, cwd=tmp_path)
    wheel, sdist = sorted((tmp_path / "dist").glob("*.whl")), sorted((tmp_path / "dist").glob("*.tar.gz"))
    assert len(wheel) == len(sdist) == 1
    assert "PASSED" in run(builder, "-m", "twine", "check", wheel[0], sdist[0], cwd=tmp_path)

    # The wheel holds the apps and their files, and nothing of the site.
    names = zipfile.ZipFile(wheel[0]).namelist()
    assert {name.split("/")[0] for name in names if not name.endswith(".dist-info/RECORD")} - {
        next(name.split("/")[0] for name in names if ".dist-info/" in name)
    } == {"campaign_records", *APPS}
    for needed in (
        "core/locale/vi/LC_MESSAGES/django.mo",
        "places/data/province_mergers_2025.csv",
        "reporting/maps/data/provinces-2025.topo.json",
        "trainings/templates/trainings/record.html",
        "reporting/static/reporting/reports.js",
        "campaigns/migrations/__init__.py",
    ):
        assert needed in names
    for app in APPS[1:]:  # core has no models
        assert [name for name in names if re.fullmatch(rf"{app}/migrations/0001_\w+\.py", name)], app
    built = time.monotonic()

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    run(python, "-m", "pip", "install", "--quiet", wheel[0], cwd=tmp_path)
    installed = run(python, "-m", "pip", "list", "--format=freeze", cwd=tmp_path).lower()
    for development in ("pytest", "factory-boy", "ruff", "playwright", "import-linter", "build", "twine"):
        assert f"\n{development}==" not in f"\n{installed}"
    assert "\nweasyprint==" not in f"\n{installed}"  # an extra
    pip_done = time.monotonic()

    site = tmp_path / "site"
    site.mkdir()
    run(venv / "bin" / "wagtail", "start", "host", site, cwd=tmp_path)
    settings = site / "host" / "settings" / "base.py"
    settings.write_text(
        settings.read_text() + "\n" + docs_block("settings: the campaign apps") + '\nLANGUAGE_CODE = "vi"\n'
    )
    urls = site / "host" / "urls.py"
    urls.write_text(urls.read_text() + "\n" + docs_block("urls: the campaign apps"))
    env = {"DJANGO_SETTINGS_MODULE": "host.settings.dev"}
    run(python, "manage.py", "migrate", "--noinput", cwd=site, **env)
    run(python, "manage.py", "load_places", cwd=site, **env)
    sheet = tmp_path / "hoat-dong.csv"
    sheet.write_text(f"{ACTIVITIES_HEADER}\n{ACTIVITY_ROW}\n", encoding="utf-8")
    assert "new 1" in run(python, "manage.py", "import_activities", sheet, cwd=site, **env)
    output = run(python, "-c", RECORD_AND_READ, cwd=site, **env)
    assert "TOTALS 45 2 85 Tỉnh Thanh Hóa" in output, output  # the imported row, then the one written
    assert "PAGE /admin/reports/totals/ 200 " in output, output
    assert "PAGE /record/ 200 True" in output, output  # the phone form, in Vietnamese from the wheel's catalogue
    print(
        f"built {built - started:.0f} s, installed {pip_done - built:.0f} s, site {time.monotonic() - pip_done:.0f} s"
    )
