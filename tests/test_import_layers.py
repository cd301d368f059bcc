"""`make lint` refuses an import that points the wrong way (import-linter, pyproject.toml)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

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


def test_a_record_model_importing_trainings_breaks_the_lint(tmp_path):
    tree = copy_of_the_project(tmp_path)
    with (tree / "campaigns" / "models" / "activities.py").open("a") as module:
        module.write("\n\ndef _upward():\n    from trainings.services import refresh_counts_from_sign_in  # noqa\n")
    done = lint_imports(tree)
    assert done.returncode == 1
    assert "campaigns.models.activities -> trainings.services" in done.stdout


def test_the_import_engine_importing_a_records_resource_breaks_the_lint(tmp_path):
    tree = copy_of_the_project(tmp_path)
    with (tree / "transfers" / "service.py").open("a") as module:
        module.write("\n\ndef _upward():\n    from campaigns.resources.activities import ActivityResource  # noqa\n")
    done = lint_imports(tree)
    assert done.returncode == 1
    assert "transfers.service -> campaigns.resources.activities" in done.stdout
