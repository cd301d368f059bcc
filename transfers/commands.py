"""The command family import_<records> FILE [--dry-run] and export_<records> --format csv|xlsx FILE."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from transfers.preview import compact_lines, example_row_warning
from transfers.registry import TRANSFERS
from transfers.service import export_file, run_import


def add_user_argument(parser) -> None:
    parser.add_argument(
        "--user",
        help="act as this user: only their provinces, and their name in the audit log (default: every province)",
    )


def find_user(options):
    username = options.get("user")
    if not username:
        return None
    from django.contrib.auth import get_user_model

    try:
        return get_user_model().objects.get(username=username)
    except get_user_model().DoesNotExist:
        raise CommandError(f"no user {username}") from None


class ImportCommand(BaseCommand):
    transfer_name = ""

    @property
    def help(self):
        return f"Import {TRANSFERS[self.transfer_name].label} from a CSV or XLSX file, all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV (UTF-8, comma or semicolon) or XLSX file in the template's columns")
        parser.add_argument("--dry-run", action="store_true", help="check and report, store nothing")
        add_user_argument(parser)

    def handle(self, *args, file: str, dry_run: bool, **options):
        translation.activate(options.get("language") or "vi")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file")
        transfer = TRANSFERS[self.transfer_name]
        with path.open("rb") as stream:
            report = run_import(transfer.resource, stream, name=path.name, dry_run=dry_run, user=find_user(options))
        if report.refused:
            raise CommandError(f"{file}: {report.refused}")
        for line in compact_lines(report.readings):
            self.stdout.write(f"{file}: {line}")
        if report.rows > len(report.readings) and report.readings:
            self.stdout.write(f"{file}: … {report.rows - len(report.readings)} more rows read the same way, not shown")
        for number in report.example_rows:
            self.stderr.write(f"{file}: {example_row_warning([number])}")
        for warning in report.warnings:
            self.stderr.write(f"{file}: {warning}")
        for error in report.errors:
            self.stderr.write(f"{file}: {error}")
        summary = (
            f"{file}: {report.rows} rows; new {report.created}, updated {report.updated}, "
            f"unchanged {report.skipped}, refused {report.invalid_rows}"
        )
        if report.errors:
            raise CommandError(f"{summary}. Nothing was stored.")
        self.stdout.write(summary + (" (dry run: nothing stored)" if dry_run else ""))


class ExportCommand(BaseCommand):
    transfer_name = ""

    @property
    def help(self):
        return f"Export {TRANSFERS[self.transfer_name].label} to a CSV or XLSX file (the import template's columns)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--format", choices=["csv", "xlsx"], help="default: from the file's extension")
        add_user_argument(parser)

    def handle(self, *args, file: str, format: str | None, **options):
        translation.activate("vi")
        fmt = format or ("xlsx" if file.lower().endswith(".xlsx") else "csv")
        transfer = TRANSFERS[self.transfer_name]
        user = find_user(options)
        with open(file, "wb") as out:
            count = export_file(transfer.resource, transfer.queryset(user), fmt, out, user=user)
        self.stdout.write(f"{file}: {count} rows")
