"""Imports: generated activity files of 10,000 and 50,000 rows, CSV and XLSX.

Each import (read, parse Vietnamese cells, look places up, validate with the model's
rules, write in bulk, audit-log) is reported beside a plain `bulk_create` of the same
activities in the same run, and the 50k/10k time ratio shows whether time grows linearly.
Generated records are removed afterwards.
"""

from __future__ import annotations

import csv
import datetime
import io
import resource
import time

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from openpyxl import Workbook
from wagtail.models import ModelLogEntry

from campaigns.imports.activities import ACTIVITY_COLUMNS, KIND_NAMES, ActivityResource
from campaigns.imports.service import run_import
from campaigns.models import Activity, ActivityKind, Place
from campaigns.places import load_places

SIZES = [10_000, 50_000]
PREFIX = "BENCH-"


def communes() -> list[Place]:
    return list(Place.objects.filter(is_current=True, level=Place.Level.COMMUNE, province__code="38")[:200])


def generate(count: int, places: list[Place]) -> list[list]:
    kinds = list(KIND_NAMES.items())
    rows = []
    for n in range(count):
        place = places[n % len(places)]
        day = datetime.date(2025, 7, 1) + datetime.timedelta(days=n % 400)
        participants = 20 + n % 3000
        rows.append(
            [
                f"{PREFIX}{n}",
                kinds[n % (len(kinds) - 1)][1]
                if kinds[n % (len(kinds) - 1)][0] != ActivityKind.CLUB_MEETING
                else "Họp dân",
                f"Buổi truyền thông số {n}",
                day.strftime("%d/%m/%Y"),
                "",
                "1",
                "Thanh Hóa",
                "",
                place.short_name if n % 2 else place.code,
                "",
                "",
                "",
                f"{participants:,}".replace(",", "."),
                str(participants // 2),
                "",
                "",
            ]
        )
    return rows


def csv_bytes(rows: list[list]) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow([column.header for column in ACTIVITY_COLUMNS])
    writer.writerows(rows)
    return text.getvalue().encode("utf-8-sig")


def xlsx_bytes(rows: list[list]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Dữ liệu")
    sheet.append([column.header for column in ACTIVITY_COLUMNS])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def clean_up() -> None:
    with transaction.atomic():
        ids = list(Activity.objects.filter(external_id__startswith=PREFIX).values_list("pk", flat=True))
        ModelLogEntry.objects.filter(content_type__model="activity", object_id__in=[str(pk) for pk in ids]).delete()
        Activity.objects.filter(pk__in=ids).delete()


def plain_bulk_create(rows: list[list], places_by_text: dict[str, Place]) -> tuple[float, float]:
    """The baseline: the same activities, already parsed, written by one bulk_create."""
    kinds = {name: key for key, name in KIND_NAMES.items()}
    objects = []
    for row in rows:
        place = places_by_text[row[8]]
        objects.append(
            Activity(
                external_id=row[0],
                kind=kinds[row[1]],
                title=row[2],
                start_date=datetime.datetime.strptime(row[3], "%d/%m/%Y").date(),
                sessions=1,
                place=place,
                province_id=place.province_id,
                participants=int(row[12].replace(".", "")),
                female=int(row[13]),
            )
        )
    started = time.perf_counter()
    with transaction.atomic():
        Activity.objects.bulk_create(objects, batch_size=1000)
    elapsed = time.perf_counter() - started
    # The same writes as an import: the activities and one audit-log entry each.
    content_type = ContentType.objects.get_for_model(Activity, for_concrete_model=False)
    now = timezone.now()
    started = time.perf_counter()
    with transaction.atomic():
        ModelLogEntry.objects.bulk_create(
            [
                ModelLogEntry(content_type=content_type, object_id=str(o.pk), label=o.title, action="wagtail.create",
                              data={"source": "import"}, timestamp=now, content_changed=True)
                for o in objects
            ],
            batch_size=1000,
        )  # fmt: skip
    with_log = elapsed + time.perf_counter() - started
    clean_up()
    return elapsed, with_log


def timed_import(data: bytes, name: str) -> float:
    started = time.perf_counter()
    report = run_import(ActivityResource, io.BytesIO(data), name=name)
    elapsed = time.perf_counter() - started
    assert report.ok and report.created == report.rows, (report.errors[:3], report.refused)
    return elapsed


def main() -> None:
    if not Place.objects.exists():
        load_places()
    clean_up()
    places = communes()
    places_by_text = {text: place for place in places for text in (place.short_name, place.code)}
    times: dict[tuple[str, int], float] = {}
    print(
        f"{'file':<12}{'rows':>7}{'import s':>10}{'rows/s':>8}{'bulk_create s':>15}{'ratio':>8}"
        f"{'+ audit log s':>15}{'ratio':>8}"
    )
    for size in SIZES:
        rows = generate(size, places)
        baseline, with_log = plain_bulk_create(rows, places_by_text)
        for fmt, data in (("csv", csv_bytes(rows)), ("xlsx", xlsx_bytes(rows))):
            elapsed = timed_import(data, f"bench.{fmt}")
            times[(fmt, size)] = elapsed
            print(
                f"{fmt:<12}{size:>7}{elapsed:>10.2f}{size / elapsed:>8.0f}{baseline:>15.2f}{elapsed / baseline:>7.2f}×"
                f"{with_log:>15.2f}{elapsed / with_log:>7.2f}×"
            )
            clean_up()
        # A second import of the same file changes nothing: every row is skipped.
        data = csv_bytes(rows)
        timed_import(data, "bench.csv")
        started = time.perf_counter()
        again = run_import(ActivityResource, io.BytesIO(data), name="bench.csv")
        elapsed = time.perf_counter() - started
        assert again.skipped == size, again
        print(f"{'csv again':<12}{size:>7}{elapsed:>10.2f}{size / elapsed:>8.0f}   (all rows unchanged: skipped)")
        clean_up()
    for fmt in ("csv", "xlsx"):
        ratio = times[(fmt, 50_000)] / times[(fmt, 10_000)]
        print(f"{fmt}: 50k/10k time ratio {ratio:.2f} (5.00 = linear)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the process: {peak:.0f} MB")
