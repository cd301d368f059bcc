"""Finding the administrative unit a person means, however they type it: with or without
diacritics, old or new tone placement, prefixes (Tỉnh, TP., Huyện, Xã) or official codes."""

from __future__ import annotations

import difflib

from django.db.models import Q
from django.utils.translation import gettext as _

from core.text import PREFIX_KINDS, ascii_key, clean, has_diacritics, split_prefix, tone_key
from places.models import Place
from places.units import CODE_WIDTH, KIND_LEVEL, LEVEL_RANK


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
