import unicodedata

import pytest
from django.db.models import Q
from django.utils import translation

from places.lookup import AmbiguousPlace, PlaceFinder, PlaceNotFound, lookup_place
from places.models import Place

pytestmark = pytest.mark.usefixtures("places")


def province(code: str, *, current: bool = True) -> Place:
    return Place.objects.get(is_current=current, level="province", code=code)


@pytest.mark.parametrize(
    "typed",
    [
        "Thanh Hóa",
        "Thanh Hoá",  # old tone placement
        "thanh hoa",
        "THANH HOÁ",
        unicodedata.normalize("NFD", "Thanh Hóa"),
        "  Tỉnh   Thanh Hóa ",
        "tinh thanh hoa",
        "38",
    ],
)
def test_thanh_hoa_however_it_is_typed(typed):
    assert lookup_place(typed) == province("38")


def test_a_different_tone_names_a_different_place_when_one_exists():
    # "Hoà" is "Hòa", another word than "Hóa": communes called Thanh Hòa exist.
    with pytest.raises(AmbiguousPlace) as error:
        lookup_place("Thanh Hoà", level="commune")
    assert {place.short_name for place in error.value.candidates} <= {"Thanh Hòa", "Thanh Hoà"}


def test_a_wrong_tone_is_forgiven_when_nothing_else_matches():
    assert lookup_place("Thanh Hoà", level="province") == province("38")


@pytest.mark.parametrize(
    ("typed", "code"), [("Sơn La", "14"), ("son la", "14"), ("Quảng Ninh", "22"), ("Hà Nội", "01")]
)
def test_current_provinces(typed, code):
    assert lookup_place(typed, level="province") == province(code)


def test_city_prefix():
    assert lookup_place("TP. Hà Nội") == province("01")
    assert lookup_place("Thành phố Hồ Chí Minh") == province("79")


def test_tien_giang_is_an_old_province_taken_over_by_dong_thap():
    tien_giang = lookup_place("Tiền Giang")
    assert (tien_giang.is_current, tien_giang.code) == (False, "82")
    assert tien_giang.successor == province("82")
    assert tien_giang.successor.short_name == "Đồng Tháp"
    assert lookup_place("tien giang", level="province") == tien_giang


def test_old_province_by_code_when_asked_for_the_old_system():
    assert lookup_place("82", current=False) == province("82", current=False)


@pytest.mark.parametrize(
    ("typed", "province_name", "code"),
    [
        ("Mường Lát", "Thanh Hóa", "384"),
        ("Quan Hóa", "Thanh Hóa", "385"),
        ("Quan Sơn", "Thanh Hóa", "387"),
        ("Lang Chánh", "Thanh Hóa", "388"),
        ("Thường Xuân", "Thanh Hóa", "396"),
        ("Bắc Yên", "Sơn La", "121"),
        ("Sốp Cộp", "Sơn La", "127"),
        ("Huyện Quan Sơn", "Thanh Hóa", "387"),
        ("H. Sốp Cộp", "Sơn La", "127"),
        ("huyen muong lat", "Thanh Hóa", "384"),
        ("Quan Hoá", "Thanh Hóa", "385"),
    ],
)
def test_seed_districts(typed, province_name, code):
    district = lookup_place(typed, level="district")
    assert (district.code, district.province.short_name, district.is_current) == (code, province_name, False)
    assert district.successor.short_name == province_name


def test_district_wins_over_a_commune_of_the_same_name_without_a_level():
    assert lookup_place("Mường Lát").level == "district"


def test_commune_named_after_an_abolished_district():
    commune = lookup_place("Mường Lát", level="commune")
    assert (commune.name, commune.is_current, commune.province.short_name) == ("Xã Mường Lát", True, "Thanh Hóa")


@pytest.mark.parametrize(("typed", "code"), [("Na Mèo", "15013"), ("Pù Nhi", "14863"), ("Hiền Kiệt", "14896")])
def test_seed_communes_are_current_communes_of_thanh_hoa(typed, code):
    commune = lookup_place(typed, level="commune")
    assert (commune.code, commune.is_current, commune.province.code) == (code, True, "38")


@pytest.mark.parametrize(
    "typed", ["Xã Na Mèo", "xa na meo", "X. Na Mèo", unicodedata.normalize("NFD", "Na Mèo"), "15013", "  NA   MÈO "]
)
def test_commune_however_it_is_typed(typed):
    assert lookup_place(typed).code == "15013"


def test_pu_nhi_is_found_despite_pu_nhi_in_dien_bien():
    # Điện Biên has a "Pu Nhi" (no tone marks): typed with marks, the tones decide.
    assert lookup_place("Pù Nhi").province.code == "38"
    with pytest.raises(AmbiguousPlace) as error:
        lookup_place("pu nhi")
    assert {place.province.short_name for place in error.value.candidates} == {"Thanh Hóa", "Điện Biên"}


def test_within_a_province_narrows_the_search():
    thanh_hoa = province("38")
    assert lookup_place("pu nhi", within=thanh_hoa).code == "14863"
    assert lookup_place("Quan Sơn", level="commune", within=thanh_hoa).province == thanh_hoa


def test_within_an_old_district():
    muong_lat = lookup_place("Mường Lát", level="district")
    pu_nhi = lookup_place("Pù Nhi", within=muong_lat)
    assert (pu_nhi.is_current, pu_nhi.district) == (False, muong_lat)


def test_within_a_current_province_finds_units_of_the_old_provinces_it_took_over():
    dong_thap = province("82")
    place = lookup_place("Cái Bè", level="district", within=dong_thap)
    assert place.province.short_name == "Tiền Giang"


def test_ambiguous_name_lists_the_candidates_with_their_provinces():
    with pytest.raises(AmbiguousPlace) as error:
        lookup_place("Quan Sơn", level="commune")
    message = str(error.value)
    assert "Xã Quan Sơn (Lạng Sơn" in message
    assert "Xã Quan Sơn (Thanh Hóa" in message
    assert len(error.value.candidates) == 2


def test_long_candidate_lists_are_cut_short():
    with translation.override("en"), pytest.raises(AmbiguousPlace) as error:
        lookup_place("Phường 1", current=False)
    count = len(error.value.candidates)
    assert count > 20
    assert f"and {count - 8} more" in str(error.value)


def test_unknown_name_suggests_the_nearest():
    with pytest.raises(PlaceNotFound) as error:
        lookup_place("Thanh Hoas", level="province")
    assert province("38") in error.value.candidates
    assert "Thanh Hoas" in str(error.value)


@pytest.mark.parametrize("typed", ["", "   ", "99", "Atlantis"])
def test_nothing_found(typed):
    with pytest.raises(PlaceNotFound):
        lookup_place(typed)


def _answer(find, text):
    try:
        return find(text)
    except (AmbiguousPlace, PlaceNotFound) as error:
        return type(error), str(error)


@pytest.mark.parametrize(("within_code", "level"), [("38", "province"), ("384", "district"), ("02", "province")])
def test_finder_answers_every_commune_text_as_the_lookup_does(within_code, level):
    within = Place.objects.filter(code=within_code, level=level).order_by("-is_current").first()
    finder = PlaceFinder(level="commune", within=within)
    communes = Place.objects.filter(Q(province=within) | Q(district=within), level="commune")
    texts = {"Atlantis", "Phường 1", "1", "Xã Trung", "xa na meo"}
    for commune in communes[:300]:
        texts |= {commune.name, commune.short_name, commune.code, commune.code.lstrip("0"), commune.name.upper()}
    assert len(texts) > 20
    for text in sorted(texts):
        expected = _answer(lambda t: lookup_place(t, level="commune", within=within), text)
        assert _answer(finder.find, text) == expected, text


def test_finder_reads_its_scope_once(django_assert_max_num_queries):
    finder = PlaceFinder(level="commune", within=province("38"))
    with django_assert_max_num_queries(1):
        found = [finder.find(name) for name in ("Na Mèo", "Xã Na Mèo", "na meo", "Hiền Kiệt")]
    assert {place.short_name for place in found} == {"Na Mèo", "Hiền Kiệt"}
