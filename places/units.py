"""What the kinds and levels of Vietnam's administrative units mean, for loading and lookup."""

from places.models import Place

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
