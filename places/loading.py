"""Loading Vietnam's administrative units into the Place table.

The units in force since 1 July 2025 come from the `vietnam-provinces` package; the
units before that date from `data/places_before_2025.csv` (generated from an older
release of the same package) and the province mergers from
`data/province_mergers_2025.csv`. Nothing here is typed in by hand.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction
from django.db.models import Count, F
from vietnam_provinces import Province as PackageProvince
from vietnam_provinces import Ward as PackageWard

from core.text import PREFIX_KINDS, ascii_key, clean, split_prefix, tone_key
from places.models import Place
from places.units import KIND_LEVEL, KIND_PREFIX, LEVEL_RANK

DATA_DIR = Path(__file__).resolve().parent / "data"
BEFORE_2025_CSV = DATA_DIR / "places_before_2025.csv"
MERGERS_CSV = DATA_DIR / "province_mergers_2025.csv"

Key = tuple[bool, str, str]  # (is_current, level, code): what identifies a unit


# --- Loading -----------------------------------------------------------------------------


@dataclass
class PlaceRow:
    """One unit as the source data describes it, before it is stored."""

    is_current: bool
    level: str
    code: str
    name: str
    kind: str = ""
    short_name: str = ""
    parent: Key | None = None
    successor: Key | None = None

    def __post_init__(self) -> None:
        self.name = clean(self.name)
        prefix, rest = split_prefix(self.name)
        kinds = [kind for kind in PREFIX_KINDS.get(prefix, ()) if KIND_LEVEL[kind] == self.level]
        if not self.kind:
            if not kinds:
                raise ValueError(f"No administrative prefix in {self.level} {self.code} “{self.name}”.")
            self.kind = kinds[0]
        if not kinds:  # the package leaves out "Tỉnh" from some province names
            self.name = f"{KIND_PREFIX[self.kind]} {self.name}"
            rest = clean(self.name[len(KIND_PREFIX[self.kind]) :])
        self.short_name = rest

    @property
    def key(self) -> Key:
        return (self.is_current, self.level, self.code)


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    counts: dict[str, int] = field(default_factory=dict)


PACKAGE_KINDS = {
    "thành phố trung ương": Place.Kind.CITY,
    "tỉnh": Place.Kind.PROVINCE,
    "xã": Place.Kind.COMMUNE,
    "phường": Place.Kind.WARD,
    "đặc khu": Place.Kind.SPECIAL_ZONE,
}


def current_rows() -> Iterator[PlaceRow]:
    """The 34 provinces and their communes in force since 1 July 2025 (no districts)."""
    for province in PackageProvince.iter_all():
        province_code = f"{int(province.code):02d}"
        yield PlaceRow(
            True, Place.Level.PROVINCE, province_code, province.name, PACKAGE_KINDS[province.division_type.value]
        )
        for ward in PackageWard.iter_by_province(province.code):
            yield PlaceRow(
                True,
                Place.Level.COMMUNE,
                f"{int(ward.code):05d}",
                ward.name,
                PACKAGE_KINDS[ward.division_type.value],
                parent=(True, Place.Level.PROVINCE, province_code),
            )


def _read_csv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        yield from csv.DictReader(line for line in file if not line.startswith("#"))


def province_mergers() -> dict[str, str]:
    """Old province code → code of the current province that took it over (2025 resolution)."""
    return {row["old_code"]: row["new_code"] for row in _read_csv(MERGERS_CSV)}


def rows_before_2025(current_communes: list[PlaceRow]) -> Iterator[PlaceRow]:
    """The 63 provinces, their districts and communes, each with its successor.

    A province goes to the province the merger resolution names; a district to that
    province (districts were abolished); a commune to the current commune of the same
    successor province that kept its code, else to the only one there that kept its
    name, else to the province.
    """
    province_by_code = {row.code: row.parent[2] for row in current_communes}
    by_name: dict[tuple[str, str], list[str]] = {}
    for row in current_communes:
        by_name.setdefault((row.parent[2], tone_key(row.short_name)), []).append(row.code)
    mergers = province_mergers()
    parent_level = {Place.Level.DISTRICT: Place.Level.PROVINCE, Place.Level.COMMUNE: Place.Level.DISTRICT}
    province_of: dict[str, str] = {}  # old district code → old province code
    for row in _read_csv(BEFORE_2025_CSV):
        level, code = row["level"], row["code"]
        if level == Place.Level.PROVINCE:
            province_code = code
        elif level == Place.Level.DISTRICT:
            province_code = province_of[code] = row["parent_code"]
        else:
            province_code = province_of[row["parent_code"]]
        new_province = mergers[province_code]
        successor: Key = (True, Place.Level.PROVINCE, new_province)
        parent = (False, parent_level[level], row["parent_code"]) if row["parent_code"] else None
        place = PlaceRow(False, level, code, row["name"], parent=parent, successor=successor)
        if level == Place.Level.COMMUNE:
            same_name = by_name.get((new_province, tone_key(place.short_name)), [])
            if province_by_code.get(code) == new_province:
                place.successor = (True, Place.Level.COMMUNE, code)
            elif len(same_name) == 1:
                place.successor = (True, Place.Level.COMMUNE, same_name[0])
        yield place


def all_rows() -> list[PlaceRow]:
    current = list(current_rows())
    communes = [row for row in current if row.level == Place.Level.COMMUNE]
    return current + list(rows_before_2025(communes))


# Stored fields that come from the source; the foreign keys are resolved from keys.
_OWN_FIELDS = ["kind", "name", "short_name", "search_key"]
_LINK_FIELDS = ["parent_id", "province_id", "district_id", "successor_id"]


def _links(row: PlaceRow, rows: dict[Key, PlaceRow], ids: dict[Key, int]) -> dict[str, int | None]:
    """The foreign keys of a row: its parent, its province and district up the tree, its successor."""
    province = district = None
    ancestor: Key | None = row.key
    while ancestor is not None:
        if ancestor[1] == Place.Level.PROVINCE:
            province = ancestor
        elif ancestor[1] == Place.Level.DISTRICT:
            district = ancestor
        ancestor = rows[ancestor].parent
    return {
        "parent_id": ids[row.parent] if row.parent else None,
        "province_id": ids.get(province) if province else None,
        "district_id": ids[district] if district and district != row.key else None,
        "successor_id": ids[row.successor] if row.successor else None,
    }


@transaction.atomic
def load_places(rows: Iterable[PlaceRow] | None = None) -> LoadReport:
    """Create or update every unit so the table matches the source data; idempotent.

    Units are created level by level with bulk inserts (parents before children,
    current units before the old ones that point at them); an existing unit is written
    only when a field differs. Units no longer in the source are left alone, since
    records may point at them.
    """
    rows = list(rows if rows is not None else all_rows())
    by_key = {row.key: row for row in rows}
    report = LoadReport()
    existing = {
        (place["is_current"], place["level"], place["code"]): place
        for place in Place.objects.values("id", "is_current", "level", "code", *_OWN_FIELDS, *_LINK_FIELDS)
    }
    ids = {key: place["id"] for key, place in existing.items()}

    report.created = _create_missing(by_key, ids)
    # A province is its own province: known only once it has an id.
    Place.objects.filter(level=Place.Level.PROVINCE, province__isnull=True).update(province=F("pk"))
    report.updated, report.unchanged = _update_changed(existing, by_key, ids)
    if report.created or report.updated:
        _refresh_statistics()
    report.counts = {
        f"{'current' if is_current else 'before_2025'}_{level}": count
        for is_current, level, count in _count_by_system()
    }
    return report


def _refresh_statistics() -> None:
    """Tell the database what the table now holds, so that lookups take the (level, code) and
    (level, search key) indexes: SQLite keeps no statistics until ANALYZE, and without them
    it reads every commune of a level to find one (about 10 ms a lookup instead of 1 ms)."""
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {connection.ops.quote_name(Place._meta.db_table)}")


def _create_missing(by_key: dict[Key, PlaceRow], ids: dict[Key, int]) -> int:
    """Insert the units not stored yet, level by level so that each finds its parent's id
    (recorded in `ids` as they are made); the number inserted."""
    created = 0
    order = sorted(by_key, key=lambda key: (not key[0], LEVEL_RANK[key[1]]))
    for is_current, level in dict.fromkeys((key[0], key[1]) for key in order):
        missing = [by_key[key] for key in order if key[:2] == (is_current, level) and key not in ids]
        if not missing:
            continue
        Place.objects.bulk_create(
            [
                Place(
                    is_current=row.is_current,
                    level=row.level,
                    code=row.code,
                    **_own_values(row),
                    **_links(row, by_key, ids),
                )
                for row in missing
            ],
            batch_size=2000,
        )
        created += len(missing)
        ids.update(
            ((is_current, level, code), pk)
            for pk, code in Place.objects.filter(is_current=is_current, level=level).values_list("id", "code")
        )
    return created


def _update_changed(existing: dict[Key, dict], by_key: dict[Key, PlaceRow], ids: dict[Key, int]) -> tuple[int, int]:
    """Rewrite the stored units that differ from the source; (updated, unchanged)."""
    changed, unchanged = [], 0
    for key, place in existing.items():
        row = by_key.get(key)
        if row is None:
            continue
        wanted = {**_own_values(row), **_links(row, by_key, ids)}
        if any(place[name] != value for name, value in wanted.items()):
            changed.append(Place(id=place["id"], **wanted))
        else:
            unchanged += 1
    if changed:
        Place.objects.bulk_update(changed, _OWN_FIELDS + _LINK_FIELDS, batch_size=500)
    return len(changed), unchanged


def _own_values(row: PlaceRow) -> dict[str, str]:
    return {"kind": row.kind, "name": row.name, "short_name": row.short_name, "search_key": ascii_key(row.short_name)}


def _count_by_system() -> list[tuple[bool, str, int]]:
    return list(
        Place.objects.order_by()
        .values("is_current", "level")
        .annotate(count=Count("id"))
        .values_list("is_current", "level", "count")
        .order_by("-is_current", "level")
    )


# --- Looking places up -------------------------------------------------------------------
