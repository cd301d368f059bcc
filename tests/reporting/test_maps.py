"""The map of totals by province: every shape is one current province, the islands are
drawn, the classes and the legend follow the values."""

import pytest

from places.models import Place
from reporting.maps import province_map, svg_to_png
from reporting.maps.choropleth import PALETTE, UNKNOWN, class_breaks, shape_codes
from reporting.maps.topology import province_shapes

pytestmark = pytest.mark.usefixtures("places")


def test_every_shape_is_one_of_the_34_current_provinces():
    codes = shape_codes()
    current = set(Place.objects.filter(level="province", is_current=True).values_list("code", flat=True))
    assert (len(codes), set(codes)) == (34, current)


@pytest.mark.parametrize(("name", "longitude"), [("TP Đà Nẵng", 111.0), ("Khánh Hoà", 112.0)])
def test_the_archipelagos_are_part_of_their_provinces_shapes(name, longitude):
    rings = dict(province_shapes())[name]
    assert any(lon > longitude for ring in rings for lon, _lat in ring)


def test_the_classes_run_from_one_to_the_largest_value_in_round_steps():
    assert class_breaks([9213, 339, 11, 0]) == [(1, 1900), (1901, 3800), (3801, 5700), (5701, 7600), (7601, 9500)]


def test_no_value_at_all_gives_no_classes():
    assert class_breaks([0, 0]) == []


def test_a_province_without_figures_is_left_white_and_the_largest_is_darkest():
    drawn = province_map({"38": 9213, "14": 11}, measure="Số buổi", caption="2016–2020")
    assert drawn.svg.count("<path ") == 34
    assert drawn.svg.count(f'fill="{PALETTE[-1]}"') == 2  # Thanh Hóa, and its box in the legend
    assert f'fill="{UNKNOWN}"' in drawn.svg


def test_the_map_carries_the_source_of_the_boundaries():
    drawn = province_map({}, measure="Số buổi", caption="2016–2020")
    assert "Ranh giới: Open Development Vietnam; gộp 34 tỉnh: Talia Cao (MIT)" in drawn.svg


def test_the_map_turns_into_a_png_for_word():
    assert svg_to_png(province_map({"38": 5}, measure="Số buổi", caption="2025").svg).startswith(b"\x89PNG")
