from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from core.backup import BackupError, backup, describe


class Command(BaseCommand):
    help = _("Back up the database and the uploaded files into one .tar.gz archive.")

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "path",
            nargs="?",
            type=Path,
            help=_("Archive to write; by default backup-YYYYMMDD-HHMMSS.tar.gz in the current folder."),
        )

    def handle(self, *args, path: Path | None, **options) -> None:
        path = path or Path(f"backup-{timezone.now():%Y%m%d-%H%M%S}.tar.gz")
        try:
            report = backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(_("Backup written: %(report)s") % {"report": describe(report)})
