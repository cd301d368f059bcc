import unicodedata

import pytest

from core.text import ascii_key, grouped, has_diacritics, split_prefix, tone_key


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Thanh Hóa", "thanh hoa"),
        ("  THANH   HOÁ ", "thanh hoa"),
        ("Đồng Tháp", "dong thap"),
        (unicodedata.normalize("NFD", "Mường Lát"), "muong lat"),
        ("Bà Rịa - Vũng Tàu", "ba ria vung tau"),
    ],
)
def test_ascii_key_drops_diacritics_case_and_punctuation(typed, expected):
    assert ascii_key(typed) == expected


def test_tone_key_treats_old_and_new_tone_placement_alike():
    assert tone_key("Thanh Hoá") == tone_key("Thanh Hóa") == tone_key(unicodedata.normalize("NFD", "THANH HÓA"))


def test_tone_key_keeps_different_tones_apart():
    assert tone_key("Hòa") != tone_key("Hóa")
    assert tone_key("Quan Sơn") != tone_key("Quận Sơn")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Tỉnh Thanh Hóa", ("tinh", "Thanh Hóa")),
        ("TP. Thanh Hoá", ("tp", "Thanh Hoá")),
        ("TP.Thanh Hoá", ("tp", "Thanh Hoá")),
        ("Thành phố Hà Nội", ("thanh pho", "Hà Nội")),
        ("huyen  Muong Lat", ("huyen", "Muong Lat")),
        ("Thị trấn Mường Lát", ("thi tran", "Mường Lát")),
        ("Xã Na Mèo", ("xa", "Na Mèo")),
        ("Phường 1", ("phuong", "1")),
        ("Thanh Hóa", ("", "Thanh Hóa")),
        ("Huyện", ("", "Huyện")),  # a prefix with no name after it is a name
    ],
)
def test_split_prefix(typed, expected):
    assert split_prefix(typed) == expected


def test_has_diacritics():
    assert has_diacritics("Đông")
    assert has_diacritics(unicodedata.normalize("NFD", "Mèo"))
    assert not has_diacritics("Na Meo")


@pytest.mark.parametrize(("number", "written"), [(0, "0"), (999, "999"), (2890, "2.890"), (1_000_000, "1.000.000")])
def test_grouped_writes_thousands_with_dots(number, written):
    assert grouped(number) == written
