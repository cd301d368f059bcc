"""python manage.py totals --by province [--by kind …] [--from DATE] [--to DATE] [--format table|csv|json]"""

import csv
import json

from django.core.management.base import BaseCommand, CommandError

from reporting.stats import totals
from reporting.stats.query import TotalsQueryForm
from reporting.stats.tables import cell, columns, key_cell, total_row


class Command(BaseCommand):
    help = "Totals of sessions, participants, clubs and leaflets, grouped and filtered (reporting.stats)."

    def add_arguments(self, parser):
        parser.add_argument("--by", action="append", default=[], help="province, district, commune, year, …")
        parser.add_argument("--from", dest="from", help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="to", help="last day, YYYY-MM-DD")
        parser.add_argument("--campaign", help="campaign code")
        parser.add_argument("--kind", action="append", default=[], help="activity kind (training, community, …)")
        parser.add_argument("--organiser", help="organiser id")
        parser.add_argument("--audience", help="audience code")
        parser.add_argument("--place", help="a province, district or commune, by name or code")
        parser.add_argument("--as-recorded", action="store_true", help="group by the units as they were")
        parser.add_argument(
            "--batches-at-start", action="store_true", help="count batches wholly in their start period"
        )
        parser.add_argument("--format", choices=["table", "csv", "json"], default="table")

    def handle(self, *args, **options):
        names = ["by", "from", "to", "campaign", "kind", "organiser", "audience", "place"]
        params = {name: options[name] for name in names if options.get(name)}
        if options["as_recorded"]:
            params["as_recorded"] = "on"
        if options["batches_at_start"]:
            params["batches_at_start"] = "on"
        form = TotalsQueryForm.from_params(params)
        if not form.is_valid():
            raise CommandError("\n".join(form.error_messages()))
        data = form.cleaned_data
        result = totals(
            data["by"], form.to_filters(), as_recorded=data["as_recorded"], batches_at_start=data["batches_at_start"]
        )
        getattr(self, f"write_{options['format']}")(result)

    def write_json(self, result) -> None:
        self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False, indent=2))

    def write_csv(self, result) -> None:
        cols = columns(result, with_codes=True)
        writer = csv.writer(self.stdout, lineterminator="\n")
        writer.writerow([heading for _key, heading in cols])
        for row in [*result.rows, total_row(result)] if result.by else result.rows:
            writer.writerow(["" if row.get(key) is None else row.get(key) for key, _heading in cols])

    def write_table(self, result) -> None:
        cols = columns(result)
        rows = [*result.rows, total_row(result)] if result.by else result.rows
        numeric = [key in result.measures for key, _heading in cols]
        # Thousands separators for measures only: a year is 2018, not 2.018.
        texts = [cell if measure else key_cell for measure in numeric]
        table = [[heading for _key, heading in cols]] + [
            [text(row.get(key)) for (key, _h), text in zip(cols, texts, strict=True)] for row in rows
        ]
        widths = [max(len(line[i]) for line in table) for i in range(len(cols))]
        for number, line in enumerate(table):
            text = "  ".join(
                value.rjust(width) if right else value.ljust(width)
                for value, width, right in zip(line, widths, numeric, strict=True)
            )
            self.stdout.write(text.rstrip())
            if number == 0 or (result.by and number == len(table) - 2):
                self.stdout.write("  ".join("-" * width for width in widths))
