import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from places.loading import load_places


class Command(BaseCommand):
    help = _("Load Vietnam's provinces, districts and communes (current and before 1 July 2025). Safe to run again.")

    def handle(self, *args, **options) -> None:
        started = time.perf_counter()
        report = load_places()
        seconds = time.perf_counter() - started
        self.stdout.write(
            _("Places: %(created)d created, %(updated)d updated, %(unchanged)d unchanged in %(seconds).1f s.")
            % {**report.__dict__, "seconds": seconds}
        )
        for system, count in report.counts.items():
            self.stdout.write(f"  {system}: {count}")
