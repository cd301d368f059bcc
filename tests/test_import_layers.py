"""`make lint` refuses an import that points the wrong way (import-linter, pyproject.toml)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
PACKAGES = tomllib.loads((PROJECT / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(tree / "pyproject.toml")],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def copy_of_the_project(tmp_path: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(PROJECT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__", "static"))
    shutil.copy(PROJECT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_project_keeps_its_import_contracts(tmp_path):
    done = lint_imports(copy_of_the_project(tmp_path))
    assert done.returncode == 0, done.stdout[-2000:]


def upward_import(tmp_path, module: str, statement: str) -> subprocess.CompletedProcess:
    """Lint a copy of the project in which `module` (a dotted path) gains `statement`."""
    tree = copy_of_the_project(tmp_path)
    with (tree / (module.replace(".", "/") + ".py")).open("a") as source:
        source.write(f"\n\ndef _upward():\n    {statement}  # noqa\n")
    return lint_imports(tree)


@pytest.mark.parametrize(
    ("module", "statement", "reported"),
    [
        (
            "campaigns.models.activities",
            "from trainings.services import refresh_counts_from_sign_in",
            "campaigns.models.activities -> trainings.services",
        ),
        (
            "transfers.service",
            "from campaigns.resources.activities import ActivityResource",
            "transfers.service -> campaigns.resources.activities",
        ),
        ("places.lookup", "from access.models import province_ids_for", "places.lookup -> access.models"),
        ("core.text", "from reporting.stats import totals", "core.text -> reporting.stats"),
        ("reporting.stats.families", "from cms.models import HomePage", "reporting.stats.families -> cms.models"),
        ("cms.models.pages", "from demo.site import load_site", "cms.models.pages -> demo.site"),
    ],
)
def test_an_upward_import_breaks_the_lint(tmp_path, module, statement, reported):
    done = upward_import(tmp_path, module, statement)
    assert done.returncode == 1
    assert reported in done.stdout


def test_neighbours_in_one_layer_do_not_import_each_other(tmp_path):
    done = upward_import(tmp_path, "guides.views", "from cms.models import HomePage")
    assert done.returncode == 1
    assert "guides.views -> cms.models" in done.stdout
