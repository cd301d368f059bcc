#!/usr/bin/env python3
"""Fill empty Vietnamese translations in locale/vi from scripts/translations_vi.py.

    python scripts/po_fill.py locale/vi/LC_MESSAGES/django.po

Only empty msgstr entries are filled; translations made by hand in the .po file stay.
Run after `manage.py makemessages -l vi` (see `make messages`).
"""

import ast
import re
import sys
from pathlib import Path

from translations_vi import TRANSLATIONS

ENTRY = re.compile(r'^msgid ((?:".*"\n)+)msgstr ""\n(?!")', re.MULTILINE)


def unquote(lines: str) -> str:
    return "".join(ast.literal_eval(line) for line in lines.strip().splitlines())


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def main(path: str) -> int:
    po = Path(path)
    missing = []

    def fill(match: re.Match) -> str:
        msgid = unquote(match.group(1))
        if not msgid:
            return match.group(0)
        if msgid not in TRANSLATIONS:
            missing.append(msgid)
            return match.group(0)
        return f"msgid {match.group(1)}msgstr {quote(TRANSLATIONS[msgid])}\n"

    po.write_text(ENTRY.sub(fill, po.read_text(encoding="utf-8")), encoding="utf-8")
    for msgid in missing:
        print(f"untranslated: {msgid}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
