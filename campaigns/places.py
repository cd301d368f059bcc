"""Vietnam's administrative units: loading them, and finding the one a person means.

The units in force since 1 July 2025 come from the `vietnam-provinces` package; the
units before that date from `data/places_before_2025.csv` (generated from an older
release of the same package) and the province mergers from
`data/province_mergers_2025.csv`. Nothing here is typed in by hand.
"""

from __future__ import annotations

import csv
import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import Count, F, Q
from django.utils.translation import gettext as _
from vietnam_provinces import Province as PackageProvince
from vietnam_provinces import Ward as PackageWard

from campaigns.models import Place
from core.text import PREFIX_KINDS, ascii_key, clean, has_diacritics, split_prefix, tone_key

DATA_DIR = Path(__file__).resolve().parent / "data"
BEFORE_2025_CSV = DATA_DIR / "places_before_2025.csv"
MERGERS_CSV = DATA_DIR / "province_mergers_2025.csv"

CODE_WIDTH = {Place.Level.PROVINCE: 2, Place.Level.DISTRICT: 3, Place.Level.COMMUNE: 5}
KIND_PREFIX = {
    Place.Kind.CITY: "Thành phố",
    Place.Kind.PROVINCE: "Tỉnh",
    Place.Kind.URBAN_DISTRICT: "Quận",
    Place.Kind.DISTRICT: "Huyện",
    Place.Kind.TOWN: "Thị xã",
    Place.Kind.PROVINCIAL_CITY: "Thành phố",
    Place.Kind.COMMUNE: "Xã",
    Place.Kind.WARD: "Phường",
    Place.Kind.TOWNSHIP: "Thị trấn",
    Place.Kind.SPECIAL_ZONE: "Đặc khu",
}
KIND_LEVEL = {
    Place.Kind.CITY: Place.Level.PROVINCE,
    Place.Kind.PROVINCE: Place.Level.PROVINCE,
    Place.Kind.URBAN_DISTRICT: Place.Level.DISTRICT,
    Place.Kind.DISTRICT: Place.Level.DISTRICT,
    Place.Kind.TOWN: Place.Level.DISTRICT,
    Place.Kind.PROVINCIAL_CITY: Place.Level.DISTRICT,
    Place.Kind.COMMUNE: Place.Level.COMMUNE,
    Place.Kind.WARD: Place.Level.COMMUNE,
    Place.Kind.TOWNSHIP: Place.Level.COMMUNE,
    Place.Kind.SPECIAL_ZONE: Place.Level.COMMUNE,
}
LEVEL_RANK = {Place.Level.PROVINCE: 0, Place.Level.DISTRICT: 1, Place.Level.COMMUNE: 2}

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
        report.created += len(missing)
        ids.update(
            ((is_current, level, code), pk)
            for pk, code in Place.objects.filter(is_current=is_current, level=level).values_list("id", "code")
        )
    # A province is its own province: known only once it has an id.
    Place.objects.filter(level=Place.Level.PROVINCE, province__isnull=True).update(province=F("pk"))

    changed = []
    for key, place in existing.items():
        row = by_key.get(key)
        if row is None:
            continue
        wanted = {**_own_values(row), **_links(row, by_key, ids)}
        if any(place[name] != value for name, value in wanted.items()):
            changed.append(Place(id=place["id"], **wanted))
        else:
            report.unchanged += 1
    if changed:
        Place.objects.bulk_update(changed, _OWN_FIELDS + _LINK_FIELDS, batch_size=500)
    report.updated = len(changed)
    report.counts = {
        f"{'current' if is_current else 'before_2025'}_{level}": count
        for is_current, level, count in _count_by_system()
    }
    return report


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


class PlaceLookupError(ValueError):
    """What a person typed does not name exactly one unit. `candidates` says what exists."""

    def __init__(self, message: str, text: str, candidates: list[Place]):
        super().__init__(message)
        self.text = text
        self.candidates = candidates


class PlaceNotFound(PlaceLookupError):
    pass


class AmbiguousPlace(PlaceLookupError):
    pass


def describe(place: Place) -> str:
    """ "Huyện Mường Lát (Thanh Hóa, before 1/7/2025)": enough to tell candidates apart."""
    where = [str(place.era_label)]
    if place.level != Place.Level.PROVINCE and place.province_id:
        where.insert(0, place.province.short_name)
    if place.level == Place.Level.COMMUNE and place.district_id:
        where.insert(0, place.district.name)
    return f"{place.name} ({', '.join(where)})"


def _scope(queryset, *, level: str | None, within: Place | None, current: bool | None):
    if level:
        queryset = queryset.filter(level=level)
    if current is not None:
        queryset = queryset.filter(is_current=current)
    if within is not None:
        if within.level == Place.Level.PROVINCE:
            # The same province in both systems: a current province and the old ones it took over.
            same_province = Q(pk=within.pk) | Q(successor=within.pk)
            if within.successor_id:
                same_province |= Q(pk=within.successor_id)
            provinces = Place.objects.filter(same_province, level=Place.Level.PROVINCE)
            queryset = queryset.filter(province__in=provinces).exclude(pk=within.pk)
        else:
            queryset = queryset.filter(Q(district=within) | Q(parent=within))
    return queryset


def lookup_place(
    text: str,
    *,
    level: str | None = None,
    within: Place | None = None,
    current: bool | None = None,
) -> Place:
    """The unit that `text` names, as a person would type it.

    Accepts official codes ("38", "14863") and names with or without diacritics, NFC or
    NFD, old or new tone placement ("Thanh Hoá" = "Thanh Hóa"), prefixes ("Tỉnh", "TP.",
    "Huyện", "Xã"…), any case and spacing. `level` and `within` (a province or district)
    narrow the search; `current` restricts it to units in force now (True) or before
    July 2025 (False). An old unit whose successor also matches gives way to it; without
    a level or prefix, a province wins over a district and a district over a commune.

    Raises PlaceNotFound (with the nearest names) or AmbiguousPlace (with the candidates).
    """
    typed = clean(text)
    places = _scope(
        Place.objects.select_related("province", "district", "successor"), level=level, within=within, current=current
    )
    if not typed:
        raise PlaceNotFound(_("No place given."), typed, [])
    if typed.isdigit():
        return _lookup_code(typed, places, level)

    prefix, rest = split_prefix(typed)
    # One query for both readings: "Huyện Quan Sơn" is the district; "Quan Sơn" may also
    # read as "Quận Sơn", so the name is tried as typed and without its prefix.
    candidates = list(places.filter(search_key__in=_name_keys(typed, rest)).order_by())
    found = _named(candidates, typed, prefix, rest, level)
    if not found:
        nearest = _nearest(rest, places)
        raise PlaceNotFound(_not_found_message(typed, nearest), typed, nearest)
    if len(found) > 1:
        names = _list(found)
        raise AmbiguousPlace(
            _("“%(text)s” may be any of: %(names)s. Add the province or the official code.")
            % {"text": typed, "names": names},
            typed,
            found,
        )
    return found[0]


def _name_keys(typed: str, rest: str) -> set[str]:
    return {ascii_key(typed), ascii_key(rest)}


def _named(candidates: list[Place], typed: str, prefix: str, rest: str, level: str | None) -> list[Place]:
    """The units among `candidates` (those whose search key is one of `_name_keys`) that the
    name means, the preferred first; empty when none."""
    found = _matches(candidates, typed)
    explicit_level = bool(level)
    if prefix:
        with_prefix = _matches(candidates, rest, prefix)
        if with_prefix:
            found, explicit_level = with_prefix, True
    return _prefer(found, explicit_level=explicit_level) if found else []


class PlaceFinder:
    """`lookup_place` for many texts within one scope (a level, inside a province or district),
    as an import needs it: the scope's units are read in one query, and a code or a name is
    matched in memory by the same rules (`_named`, the code preference of `_lookup_code`).
    A text that names no unit or several goes to `lookup_place`, which words the refusal,
    so the answers are the same as one lookup at a time."""

    def __init__(self, *, level: str, within: Place | None = None, current: bool | None = None):
        self.level, self.within, self.current = level, within, current
        self._by_code: dict[str, list[Place]] | None = None
        self._by_key: dict[str, list[Place]] = {}

    def _load(self) -> None:
        self._by_code = {}
        places = _scope(
            Place.objects.select_related("province", "district", "successor"),
            level=self.level,
            within=self.within,
            current=self.current,
        )
        for place in places:
            self._by_code.setdefault(place.code, []).append(place)
            self._by_key.setdefault(place.search_key, []).append(place)

    def find(self, text: str) -> Place:
        typed = clean(text)
        if typed:
            if self._by_code is None:
                self._load()
            if typed.isdigit():
                # As `_lookup_code`: a unit in force before an old one of the same code.
                same_code = self._by_code.get(typed.zfill(CODE_WIDTH[self.level]), [])
                found = [place for place in same_code if place.is_current] or same_code
            else:
                prefix, rest = split_prefix(typed)
                candidates = {place.pk: place for key in _name_keys(typed, rest) for place in self._by_key.get(key, [])}
                found = _named(list(candidates.values()), typed, prefix, rest, self.level)
            if len(found) == 1:
                return found[0]
        # Nothing, or more than one: the lookup itself decides and words the refusal.
        return lookup_place(text, level=self.level, within=self.within, current=self.current)


def _matches(candidates: list[Place], name: str, prefix: str = "") -> list[Place]:
    key = ascii_key(name)
    matches = [place for place in candidates if place.search_key == key]
    if prefix:
        kinds = PREFIX_KINDS[prefix]
        levels = {KIND_LEVEL[kind] for kind in kinds}
        matches = [place for place in matches if place.kind in kinds] or [
            place for place in matches if place.level in levels
        ]
    if has_diacritics(name):
        # Compare the spelling of the tone, not where a keyboard put it: "Hoá" = "Hóa" ≠ "Hòa".
        matches = [place for place in matches if tone_key(place.short_name) == tone_key(name)] or matches
    return matches


def _prefer(found: list[Place], *, explicit_level: bool) -> list[Place]:
    # An old unit and the current unit that took it over are the same place for a reader;
    # so are an old unit and a current one of the same name and level in the same province.
    ids = {place.pk for place in found}
    current = {(place.level, place.province_id) for place in found if place.is_current}
    found = [
        place
        for place in found
        if place.is_current
        or (place.successor_id not in ids and (place.level, _successor_province_id(place)) not in current)
    ]
    if not explicit_level:
        top = min(LEVEL_RANK[place.level] for place in found)
        found = [place for place in found if LEVEL_RANK[place.level] == top]
    return sorted(found, key=lambda place: (not place.is_current, LEVEL_RANK[place.level], place.code))


def _successor_province_id(place: Place) -> int | None:
    successor = place.successor
    return successor.province_id if successor else None


def _list(places: list[Place], limit: int = 8) -> str:
    names = "; ".join(describe(place) for place in places[:limit])
    if len(places) > limit:
        names += " " + _("and %(count)d more") % {"count": len(places) - limit}
    return names


def _lookup_code(code: str, places, level: str | None) -> Place:
    if level:
        codes = [code.zfill(CODE_WIDTH[level])]
    else:
        width = {1: 2, 2: 2, 3: 3, 4: 5, 5: 5}.get(len(code), len(code))
        codes = [code.zfill(width)]
    matches = sorted(places.filter(code__in=codes), key=lambda place: not place.is_current)
    if not matches:
        raise PlaceNotFound(_("No place has the official code %(code)s.") % {"code": code}, code, [])
    return matches[0]


def _nearest(name: str, places, limit: int = 5) -> list[Place]:
    keys = set(places.values_list("search_key", flat=True).distinct())
    close = difflib.get_close_matches(ascii_key(name), keys, n=limit, cutoff=0.7)
    candidates = sorted(places.filter(search_key__in=close), key=lambda place: close.index(place.search_key))
    return candidates[:limit]


def _not_found_message(typed: str, nearest: list[Place]) -> str:
    if nearest:
        return _("No place called “%(text)s”. Nearest: %(names)s.") % {
            "text": typed,
            "names": _list(nearest),
        }
    return _("No place called “%(text)s”.") % {"text": typed}
