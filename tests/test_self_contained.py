"""The project's code and docs stand alone: none of them points to a design note or folder
outside the repository (what a reader needs is written into the README)."""

import re
import subprocess
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
OUTSIDE = re.compile(r"DESIGN\.md|CONVENTIONS\.md|STACK\.md|\.\./shared\b")


def test_no_file_cites_a_document_outside_the_repository():
    tracked = subprocess.run(["git", "ls-files"], cwd=PROJECT, capture_output=True, text=True, check=True)
    citing = []
    for name in tracked.stdout.split():
        if Path(name).suffix not in {".py", ".md", ".html", ".txt", ".toml", ".js", ".css", ".po"}:
            continue
        if name == "tests/test_self_contained.py":
            continue
        text = (PROJECT / name).read_text(encoding="utf-8", errors="replace")
        citing += [f"{name}:{n}" for n, line in enumerate(text.splitlines(), 1) if OUTSIDE.search(line)]
    assert citing == []
