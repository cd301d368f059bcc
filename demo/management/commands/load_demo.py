from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from demo.loader import DemoDataError, Report
from demo.records import load_records
from demo.site import load_site


class Command(BaseCommand):
    help = _("Load demo campaigns, activities, clubs and leaflets from the seed reports. Safe to run again.")

    def handle(self, *args, **options) -> None:
        try:
            report = load_records()
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        self.summarise(report)
        # The public site's pages come after the records they show.
        self.summarise(load_site())

    def summarise(self, report: Report) -> None:
        totals = {outcome: sum(counts.values()) for outcome, counts in report.items()}
        self.stdout.write(_("Demo data: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.") % totals)
        labels = sorted({label for counts in report.values() for label in counts})
        for label in labels:
            name = apps.get_model(label)._meta.verbose_name_plural
            counts = {outcome: report[outcome].get(label, 0) for outcome in report}
            self.stdout.write(
                "  "
                + _("%(name)s: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.")
                % {"name": name, **counts}
            )
