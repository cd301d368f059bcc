#!/usr/bin/env python3
"""Fill empty Vietnamese translations in locale/vi from scripts/translations_vi*.py.

Keys are the msgid, or (context, msgid) for strings marked with pgettext.

    python scripts/po_fill.py locale/vi/LC_MESSAGES/django.po

Entries in the table are (re)written from it; others, translated by hand in the .po file, stay.
Run after `manage.py makemessages -l vi` (see `make messages`).
"""

import ast
import importlib
import re
import sys
from pathlib import Path

# One table per part of the project (translations_vi.py, translations_vi_tracking.py, …).
TRANSLATIONS: dict = {}
for table in sorted(Path(__file__).parent.glob("translations_vi*.py")):
    TRANSLATIONS.update(importlib.import_module(table.stem).TRANSLATIONS)

ENTRY = re.compile(r'^(msgctxt (".*")\n)?msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', re.MULTILINE)
# msgmerge's guesses for new strings ("#, fuzzy"): dropped, so that our table decides.
FUZZY_FLAG = re.compile(r"^#, fuzzy\n|^#\| .*\n", re.MULTILINE)
MSGSTR = re.compile(r'^msgstr (?:".*"\n?)+', re.MULTILINE)


HEADER = """# Vietnamese translation of the project's own interface strings.
# Regenerate with `make messages`; entries are filled from scripts/translations_vi*.py.
#
msgid ""
msgstr ""
"Project-Id-Version: phong-chong-mua-ban-nguoi\\n"
"Language: vi\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=1; plural=0;\\n\""""


def unfuzz(block: str) -> str:
    if "#, fuzzy" not in block:
        return block
    block = block.replace("#, fuzzy, ", "#, ")  # fuzzy beside other flags (python-format)
    return MSGSTR.sub('msgstr ""\n', FUZZY_FLAG.sub("", block + "\n")).rstrip("\n")


def unquote(lines: str) -> str:
    return "".join(ast.literal_eval(line) for line in lines.strip().splitlines())


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def main(path: str) -> int:
    po = Path(path)
    missing = []

    def fill(match: re.Match) -> str:
        context = unquote(match.group(2)) if match.group(2) else None
        msgid = unquote(match.group(3))
        key = (context, msgid) if context else msgid
        if not msgid:
            return match.group(0)
        if key not in TRANSLATIONS:
            if not unquote(match.group(4)):
                missing.append(key)
            return match.group(0)
        return f"{match.group(1) or ''}msgid {match.group(3)}msgstr {quote(TRANSLATIONS[key])}\n"

    text = po.read_text(encoding="utf-8")
    _header, _, body = text.partition("\n\n")
    header = HEADER
    body = "\n\n".join(unfuzz(block) for block in body.split("\n\n"))
    po.write_text(header + "\n\n" + ENTRY.sub(fill, body), encoding="utf-8")
    for msgid in missing:
        print(f"untranslated: {msgid}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
