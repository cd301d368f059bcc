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


def test_the_project_keeps_its_import_contracts():
    """`make lint` checks the imports of the packages the contract names; a package of the
    project missing from it would be checked by nothing. Every folder of ours holding Python
    (an app, config) is a root package and stands in one layer; every layer names a package."""
    config = tomllib.loads((PROJECT / "pyproject.toml").read_text())["tool"]["importlinter"]
    (contract,) = [contract for contract in config["contracts"] if contract["type"] == "layers"]
    in_layers = [name.strip(" ()") for layer in contract["layers"] for name in layer.split("|")]
    ours = {
        folder.name
        for folder in PROJECT.iterdir()
        if (folder / "__init__.py").is_file() and folder.name not in {"tests", "scripts", "bench"}
    }
    assert ours == set(PACKAGES), f"packages of the project not in root_packages: {sorted(ours - set(PACKAGES))}"
    assert sorted(in_layers) == sorted(PACKAGES), f"layers {in_layers} against root_packages {PACKAGES}"


# One upward import of each kind, and one between neighbours of a layer: each must be
# reported by one lint of a copy of the project holding them all.
UPWARD_IMPORTS = [
    ("campaigns.models.activities", "from trainings.rules import SignInCounts"),
    ("transfers.service", "from campaigns.resources.activities import ActivityResource"),
    ("places.lookup", "from access.models import province_ids_for"),
    ("core.text", "from reporting.stats import totals"),
    ("reporting.stats.families", "from cms.models import HomePage"),
    ("cms.models.pages", "from demo.site import load_site"),
    ("guides.views", "from cms.models import HomePage"),
]


@pytest.mark.slow("import-linter on a copy of the project")
def test_every_upward_import_breaks_the_lint(tmp_path):
    tree = copy_of_the_project(tmp_path)
    for module, statement in UPWARD_IMPORTS:
        with (tree / (module.replace(".", "/") + ".py")).open("a") as source:
            source.write(f"\n\ndef _upward():\n    {statement}  # noqa\n")
    done = lint_imports(tree)
    assert done.returncode == 1
    reported = {f"{module} -> {statement.split()[1]}" for module, statement in UPWARD_IMPORTS}
    assert {line for line in reported if line not in done.stdout} == set(), done.stdout[-3000:]
