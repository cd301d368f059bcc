"""Places: loading the geography and looking places up by what people type.

- loading the places (ORM, bulk) against raw `executemany` inserts of the same rows;
- reloading them unchanged (the second `make run`) against the same raw inserts;
- looking places up by what people type against raw indexed queries on the key.
"""

from django.db import connection, transaction

from bench.common import report, timed
from core.text import ascii_key
from places.loading import all_rows, load_places
from places.lookup import lookup_place
from places.models import Place

SEED_NAMES = [
    "Thanh Hóa", "Sơn La", "Quảng Ninh", "Tiền Giang", "Mường Lát", "Quan Sơn", "Quan Hóa",
    "Lang Chánh", "Thường Xuân", "Bắc Yên", "Sốp Cộp", "Na Mèo", "Pù Nhi", "Hiền Kiệt",
]  # fmt: skip


def empty_places() -> None:
    with transaction.atomic():
        Place.objects.update(parent=None, province=None, district=None, successor=None)
        Place.objects.all().delete()


def raw_insert(rows) -> None:
    table = Place._meta.db_table
    sql = (
        f"INSERT INTO {table} (level, kind, code, name, short_name, search_key, is_current) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s)"
    )
    values = [
        (row.level, row.kind, row.code, row.name, row.short_name, ascii_key(row.short_name), row.is_current)
        for row in rows
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(sql, values)


def raw_lookups(keys) -> None:
    """What a hand-written lookup would do: one indexed query per name, with the province."""
    table = Place._meta.db_table
    sql = (
        f"SELECT p.id, p.name, p.level, p.is_current, p.successor_id, pr.name FROM {table} p "
        f"LEFT JOIN {table} pr ON pr.id = p.province_id WHERE p.search_key = %s"
    )
    with connection.cursor() as cursor:
        for key in keys:
            cursor.execute(sql, [key])
            cursor.fetchall()


def orm_lookups(names) -> None:
    for name in names:
        lookup_place(name, level="commune" if name in {"Na Mèo", "Pù Nhi", "Hiền Kiệt"} else None)


def main() -> None:
    rows = all_rows()
    print(f"Places in the source data: {len(rows)}")

    def fresh_load():
        empty_places()
        load_places(rows)

    def fresh_raw():
        empty_places()
        raw_insert(rows)

    raw = timed(fresh_raw)
    assert Place.objects.count() == len(rows)
    orm = timed(fresh_load)
    assert Place.objects.count() == len(rows)
    report("load_places into an empty table", orm, raw)
    reload = timed(lambda: load_places(rows))
    report("load_places again, nothing changed", reload, raw)

    names = SEED_NAMES * 20
    keys = [ascii_key(name) for name in names]
    baseline = timed(lambda: raw_lookups(keys))
    measured = timed(lambda: orm_lookups(names))
    report(f"lookup_place × {len(names)} (seed names)", measured, baseline)
