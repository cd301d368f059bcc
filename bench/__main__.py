"""Benchmarks, run by `make bench`; never part of the tests.

Each measurement is reported beside a baseline measured in the same run on the same
database, as a ratio, so that the numbers mean something on any machine. One module per
part of the project; `python -m bench places` runs only that part.

DATABASE_URL chooses the database (the Makefile gives a scratch SQLite file).
"""

import importlib
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

PARTS = ["places", "imports", "stats", "site", "load"]


def main(argv: list[str]) -> None:
    call_command("migrate", verbosity=0)
    print(f"Database: {connection.vendor}")
    for part in argv or PARTS:
        try:
            module = importlib.import_module(f"bench.{part}")
        except ModuleNotFoundError as missing:
            if missing.name != f"bench.{part}":
                raise
            continue
        print(f"\n== {part}")
        module.main()


if __name__ == "__main__":
    main(sys.argv[1:])
