"""Records placed by province, district and commune columns: the columns, the place they
name (`PlaceResolver`, also what a dry run shows), and the resource that puts it on the record."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from places.lookup import PlaceFinder, PlaceLookupError, lookup_place
from places.models import Place
from transfers.base import Column, TransferResource, column_field


def place_columns(required_commune: bool = False) -> list[Column]:
    return [
        Column(
            "province",
            "Tỉnh/Thành phố",
            gettext_lazy(
                "Province or city: name (with or without diacritics, “Tỉnh”/“TP.” optional) or official code."
            ),
            required=True,
            example="Thanh Hóa",
        ),
        Column(
            "district",
            "Quận/Huyện",
            gettext_lazy("District, for records before 1 July 2025 (districts were abolished then). May be empty."),
            example="",
        ),
        Column(
            "commune",
            "Xã/Phường",
            gettext_lazy("Commune or ward: name or official code. Empty when the record covers the whole province."),
            required=required_commune,
            example="Na Mèo",
        ),
    ]


class PlaceResolver:
    """Province, district and commune columns → the smallest place named.

    One answer per distinct triple; the province and district are looked up once per text,
    and the communes of each province (or district) are read once (`PlaceFinder`)."""

    def __init__(self):
        self.cache: dict[tuple, tuple[Place | None, dict]] = {}
        self.provinces: dict[str, Place | PlaceLookupError] = {}
        self.districts: dict[tuple[str, int], Place | PlaceLookupError] = {}
        self.communes: dict[int, PlaceFinder] = {}

    def resolve(self, row, *, commune_level: bool = True) -> tuple[Place | None, dict]:
        key = (row.get("province"), row.get("district"), row.get("commune"))
        if key not in self.cache:
            self.cache[key] = self._resolve(*key)
        return self.cache[key]

    @staticmethod
    def _remembered(cache: dict, key, find):
        if key not in cache:
            try:
                cache[key] = find()
            except PlaceLookupError as error:
                cache[key] = error
        if isinstance(cache[key], PlaceLookupError):
            raise cache[key]
        return cache[key]

    def _resolve(self, province_text, district_text, commune_text) -> tuple[Place | None, dict]:
        if province_text is None:
            return None, {"province": [_("This column is required.")]}
        try:
            text = str(province_text)
            province = self._remembered(self.provinces, text, lambda: lookup_place(text, level=Place.Level.PROVINCE))
        except PlaceLookupError as error:
            return None, {"province": [str(error)]}
        place, district = province, None
        if district_text is not None:
            try:
                text = str(district_text)
                district = place = self._remembered(
                    self.districts,
                    (text, province.pk),
                    lambda: lookup_place(text, level=Place.Level.DISTRICT, within=province),
                )
            except PlaceLookupError as error:
                return None, {"district": [str(error)]}
        if commune_text is not None:
            within = district or province
            if within.pk not in self.communes:
                self.communes[within.pk] = PlaceFinder(level=Place.Level.COMMUNE, within=within)
            try:
                place = self.communes[within.pk].find(str(commune_text))
            except PlaceLookupError as error:
                return None, {"commune": [str(error)]}
        return place, {}


class PlacedResource(TransferResource):
    """A record placed by the province, district and commune columns (`place_columns`): the
    smallest place they name, refused outside the user's provinces; exported the same way."""

    place_attribute = "place"

    province = column_field("province", attribute=None)
    district = column_field("district", attribute=None)
    commune = column_field("commune", attribute=None)

    class Meta(TransferResource.Meta):
        abstract = True

    def __init__(self, user=None, **kwargs):
        super().__init__(user=user, **kwargs)
        self.places = PlaceResolver()

    def import_related(self, instance, row) -> None:
        if "province" not in row:
            return
        place, errors = self.places.resolve(row)
        if errors:
            raise ValidationError(errors)
        if not self.in_scope(place.province_id):
            raise ValidationError({"province": [_("%(place)s is outside your provinces.") % {"place": place}]})
        self.place_record(instance, place)

    def place_record(self, instance, place: Place) -> None:
        """The place found onto the record, with the province its totals group by."""
        setattr(instance, self.place_attribute, place)
        instance.province_id = place.province_id

    def place_of(self, instance) -> Place:
        return getattr(instance, self.place_attribute)

    def dehydrate_province(self, instance):
        place = self.place_of(instance)
        return place.province.short_name if place.province_id else place.short_name

    def dehydrate_district(self, instance):
        place = self.place_of(instance)
        if place.level == Place.Level.DISTRICT:
            return place.name
        return place.district.name if place.district_id else ""

    def dehydrate_commune(self, instance):
        place = self.place_of(instance)
        return place.name if place.level == Place.Level.COMMUNE else ""
