"""Which tests each engine's run holds, before and after a change to the suite.

    .venv/bin/python scripts/compare_test_ids.py [--ref main] [--postgres URL] [--list]

Collects the test ids (`pytest --collect-only`) of the code at REF (a git ref, unpacked to a
temporary folder) and of the working tree, once with SQLite and once with PostgreSQL
(--postgres, or TEST_DATABASE_URL; nothing is created there: collection opens no database).
It prints how many tests each run holds, the tests of REF that no run holds any more (lost:
the exit status is then 1), the tests that now run in the SQLite run only with the reason
tests/placement.py gives, and the new tests. --list prints every id of every run as well.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
ONCE = re.compile(r"^\s+once  (\S.*)  \((.*)\)$")  # the reason holds no two spaces; an id may


def collect(tree: Path, database_url: str, report: bool) -> tuple[set[str], dict[str, str]]:
    """The ids the run holds, and {id: why} of the ones it leaves to the SQLite run."""
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
    if report:
        command.append("--placement-report")
    done = subprocess.run(
        command,
        cwd=tree,
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode not in (0, 5):
        raise SystemExit(f"collection failed in {tree} on {database_url}:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    held, once = set(), {}
    for line in done.stdout.splitlines():
        found = ONCE.match(line)
        if found:
            once[found.group(1)] = found.group(2)
        elif "::" in line and not line.startswith(" "):
            held.add(line.strip())
    return held, once


def unpack(ref: str, folder: Path) -> Path:
    archive = subprocess.run(["git", "archive", ref], cwd=PROJECT, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as opened:
        opened.extractall(folder, filter="data")
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ref", default="main", help="the code to compare with (default: main)")
    parser.add_argument("--postgres", default=os.environ.get("TEST_DATABASE_URL", ""), help="a PostgreSQL URL")
    parser.add_argument("--list", action="store_true", help="print every id of every run")
    arguments = parser.parse_args()
    engines = {"sqlite": "sqlite:///" + str(Path(tempfile.gettempdir()) / "compare-ids.sqlite3")}
    if arguments.postgres:
        engines["postgresql"] = arguments.postgres

    with tempfile.TemporaryDirectory(prefix="suite-ref-") as folder:
        old_tree = unpack(arguments.ref, Path(folder))
        old = {engine: collect(old_tree, url, report=False)[0] for engine, url in engines.items()}
    new, reasons = {}, {}
    for engine, url in engines.items():
        new[engine], once = collect(PROJECT, url, report=True)
        reasons.update(once)

    for engine in engines:
        print(f"{engine}: {len(old[engine])} tests at {arguments.ref}, {len(new[engine])} now")
        if arguments.list:
            for label, ids in ((arguments.ref, old[engine]), ("now", new[engine])):
                print(f"-- {engine}, {label}:")
                print("\n".join(f"   {test_id}" for test_id in sorted(ids)))
    every_old = set().union(*old.values())
    every_new = set().union(*new.values())
    lost = sorted(every_old - every_new)
    print(f"\nLost (at {arguments.ref}, in no run now): {len(lost)}")
    print("\n".join(f"  {test_id}" for test_id in lost))
    for engine in engines:
        if engine == "sqlite":
            continue
        moved = sorted((old[engine] & new["sqlite"]) - new[engine])
        print(f"\nRun on {engine} before, now in the SQLite run only: {len(moved)}")
        print("\n".join(f"  {test_id}  ({reasons.get(test_id, '?')})" for test_id in moved))
        missing = sorted(new["sqlite"] - new[engine] - set(reasons))
        print(f"\nIn the SQLite run, not on {engine}, without a placement reason: {len(missing)}")
        print("\n".join(f"  {test_id}" for test_id in missing))
        lost += missing
    added = sorted(every_new - every_old)
    print(f"\nNew tests: {len(added)}")
    print("\n".join(f"  {test_id}" for test_id in added))
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
