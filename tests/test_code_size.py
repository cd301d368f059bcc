"""Modules and functions stay small enough to read in one sitting.

A module past 400 lines must say at its top why it is long (a line of its docstring
starting "Long because"); no function passes 60 lines. Migrations are generated and left out.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
APPS = tomllib.loads((PROJECT / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]
MODULE_LINES = 400
FUNCTION_LINES = 60


def project_modules() -> list[Path]:
    return [path for app in APPS for path in sorted((PROJECT / app).rglob("*.py")) if "migrations" not in path.parts]


def long_modules(paths: list[Path]) -> list[str]:
    found = []
    for path in paths:
        source = path.read_text()
        docstring = ast.get_docstring(ast.parse(source)) or ""
        explained = any(line.startswith("Long because") for line in docstring.splitlines())
        if len(source.splitlines()) > MODULE_LINES and not explained:
            found.append(f"{path}: {len(source.splitlines())} lines")
    return found


def long_functions(paths: list[Path]) -> list[str]:
    found = []
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > FUNCTION_LINES:
                    found.append(f"{path}:{node.lineno} {node.name}: {length} lines")
    return found


def test_the_apps_are_all_checked():
    assert {"core", "places", "access", "transfers", "campaigns", "trainings", "reporting", "cms", "demo"} <= set(APPS)
    assert len(project_modules()) > 100


def test_no_module_is_long_without_saying_why():
    assert long_modules(project_modules()) == []


def test_no_function_is_longer_than_sixty_lines():
    assert long_functions(project_modules()) == []


def test_a_long_module_or_function_is_caught(tmp_path):
    body = "\n".join(f"    x{n} = {n}" for n in range(FUNCTION_LINES))
    long = tmp_path / "long.py"
    long.write_text(f"def long():\n{body}\n" + "\n" * MODULE_LINES)
    explained = tmp_path / "explained.py"
    explained.write_text('"""Rules.\n\nLong because it is one table."""\n' + "\n" * MODULE_LINES)
    assert long_functions([long]) and not long_functions([explained])
    assert [line.split(":")[0] for line in long_modules([long, explained])] == [str(long)]
