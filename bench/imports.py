"""Imports: generated activity files of 10,000 and 50,000 rows, CSV and XLSX.

Each import (read, parse Vietnamese cells, look places up, validate with the model's
rules, write in bulk, audit-log) is reported beside a plain `bulk_create` of the same
activities in the same run, alone and followed by the same audit-log entries, and the
50k/10k time ratio shows whether time grows linearly. An import holds the cyclic garbage
collector back; for reference the plain `bulk_create` is also timed with it held back.
Generated records are removed afterwards.
"""

from __future__ import annotations

import csv
import datetime
import io
import resource
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from openpyxl import Workbook
from wagtail.models import ModelLogEntry

from campaigns.models import Activity, ActivityKind
from campaigns.resources.activities import ACTIVITY_COLUMNS, KIND_NAMES, ActivityResource
from places.loading import load_places
from places.models import Place
from transfers.service import _fewer_collections, run_import

SIZES = [10_000, 50_000]
ROUNDS = {10_000: 3, 50_000: 2}
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
    """The baseline: the same activities, already parsed, written by one bulk_create.

    The rows hold what an import stores, the phone-form key (`client_uuid`, unique) included."""
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
                client_uuid=uuid.uuid4(),
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


def collector_as_imports_bulk_create(rows: list[list], places_by_text: dict[str, Place]) -> float:
    """For reference: the baseline with the garbage collector set as an import sets it."""
    with _fewer_collections():
        elapsed, _with_log = plain_bulk_create(rows, places_by_text)
    return elapsed


def timed_import(data: bytes, name: str) -> float:
    started = time.perf_counter()
    report = run_import(ActivityResource, io.BytesIO(data), name=name)
    elapsed = time.perf_counter() - started
    assert report.ok and report.created == report.rows, (report.errors[:3], report.refused)
    return elapsed


def measure(size: int, places: list[Place], places_by_text: dict[str, Place]) -> dict[str, float]:
    """The fastest of a few interleaved rounds of each measurement: on a shared machine the
    slow runs measure the neighbours, and every kind of run gets the same chances."""
    rows = generate(size, places)
    files = {"csv": csv_bytes(rows), "xlsx": xlsx_bytes(rows)}
    best: dict[str, float] = {}

    def keep(name: str, elapsed: float) -> None:
        best[name] = min(best.get(name, elapsed), elapsed)

    for _round in range(ROUNDS[size]):
        baseline, with_log = plain_bulk_create(rows, places_by_text)
        keep("bulk_create", baseline)
        keep("bulk_create + audit log", with_log)
        keep("bulk_create, collector held", collector_as_imports_bulk_create(rows, places_by_text))
        for fmt, data in files.items():
            keep(fmt, timed_import(data, f"bench.{fmt}"))
            clean_up()
        # A second import of the same file changes nothing: every row is skipped.
        timed_import(files["csv"], "bench.csv")
        started = time.perf_counter()
        again = run_import(ActivityResource, io.BytesIO(files["csv"]), name="bench.csv")
        keep("csv again", time.perf_counter() - started)
        assert again.skipped == size, again
        clean_up()
    return best


def main() -> None:
    if not Place.objects.exists():
        load_places()
    clean_up()
    places = communes()
    places_by_text = {text: place for place in places for text in (place.short_name, place.code)}
    times: dict[int, dict[str, float]] = {}
    print(
        f"{'file':<12}{'rows':>7}{'import s':>10}{'rows/s':>8}{'bulk_create s':>15}{'ratio':>8}"
        f"{'+ audit log s':>15}{'ratio':>8}"
    )
    for size in SIZES:
        best = times[size] = measure(size, places, places_by_text)
        baseline, with_log = best["bulk_create"], best["bulk_create + audit log"]
        held = best["bulk_create, collector held"]
        for fmt in ("csv", "xlsx"):
            elapsed = best[fmt]
            print(
                f"{fmt:<12}{size:>7}{elapsed:>10.2f}{size / elapsed:>8.0f}{baseline:>15.2f}{elapsed / baseline:>7.2f}×"
                f"{with_log:>15.2f}{elapsed / with_log:>7.2f}×"
            )
        print(
            f"{'':<12}{size:>7}  bulk_create with the collector held back as an import holds it: {held:.2f} s, "
            f"csv {best['csv'] / held:.2f}×, xlsx {best['xlsx'] / held:.2f}×"
        )
        again = best["csv again"]
        print(f"{'csv again':<12}{size:>7}{again:>10.2f}{size / again:>8.0f}   (all rows unchanged: skipped)")
    for fmt in ("csv", "xlsx"):
        ratio = times[50_000][fmt] / times[10_000][fmt]
        print(f"{fmt}: 50k/10k time ratio {ratio:.2f} (5.00 = linear)")
    print(f"(each figure: the fastest of {ROUNDS[10_000]} rounds at 10k rows, {ROUNDS[50_000]} at 50k)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the process: {peak:.0f} MB")
