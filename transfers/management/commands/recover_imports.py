from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from transfers.jobs import recover_stale_jobs


class Command(BaseCommand):
    help = _("End the import jobs whose worker stopped midway, and remove their files.")

    def handle(self, *args, **options) -> None:
        count = recover_stale_jobs()
        self.stdout.write(_("Import jobs ended: %(count)s") % {"count": count})
