from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from core.backup import BackupError, describe, restore


class Command(BaseCommand):
    help = _("Replace the database and the uploaded files with those of a backup archive.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path, help=_("Archive written by the backup command."))
        parser.add_argument("--yes", action="store_true", help=_("Do not ask for confirmation."))

    def handle(self, *args, path: Path, yes: bool, **options) -> None:
        if not path.is_file():
            raise CommandError(_("%(path)s: no such file.") % {"path": path})
        if (
            not yes
            and input(_("Everything stored now is replaced by %(path)s. Type 'yes' to go on: ") % {"path": path})
            != "yes"
        ):
            raise CommandError(_("Nothing was restored."))
        try:
            report = restore(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(_("Restored: %(report)s") % {"report": describe(report)})
